using NotebookDL.Learning;
using NotebookDL.Data;

namespace NotebookDL.Tests.Learning;

/// <summary>Synthetic data and small models shared by the Learner tests.</summary>
internal static class LearningFixtures
{
    /// <summary>
    /// Two classes separated by the sign of x0 + x1 (a margin of 0.5 is cut out so a small MLP can reach ~100%).
    /// </summary>
    public static DataLoaders Separable(int nTrain = 256, int nValid = 128, int bs = 32, int seed = 0, IReadOnlyList<string>? vocab = null)
    {
        var (xt, yt) = Points(nTrain, seed);
        var (xv, yv) = Points(nValid, seed + 1);
        return DataLoaders.FromTensors(xt, yt, xv, yv, bs, shuffle: true, seed: seed, vocab: vocab ?? ["neg", "pos"]);
    }

    public static (Tensor X, Tensor Y) Points(int n, int seed)
    {
        var random = new Random(seed);
        var xs = new float[n * 2];
        var ys = new long[n];
        for (var i = 0; i < n; i++)
        {
            double a, b;
            do
            {
                a = random.NextDouble() * 4 - 2;
                b = random.NextDouble() * 4 - 2;
            } while (Math.Abs(a + b) < 0.5);
            (xs[2 * i], xs[2 * i + 1], ys[i]) = ((float)a, (float)b, a + b > 0 ? 1 : 0);
        }
        return (torch.tensor(xs, new long[] { n, 2 }), torch.tensor(ys));
    }

    public static Sequential Mlp(int hidden = 16, bool batchNorm = false)
    {
        manual_seed(0);
        return batchNorm
            ? nn.Sequential(nn.Linear(2, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, 2))
            : nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 2));
    }

    public static Learner MakeLearner(IEnumerable<ICallback>? cbs = null, IEnumerable<IMetric>? metrics = null, DataLoaders? dls = null,
        Sequential? model = null, OptFunc? optFunc = null, Splitter? splitter = null) =>
        new(dls ?? Separable(), model ?? Mlp(), LossFunction.CrossEntropy, optFunc, metrics, cbs: cbs, splitter: splitter, progress: false);

    /// <summary>Copies of every parameter and buffer, to compare states.</summary>
    public static Dictionary<string, float[]> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.to(float32).ToArray<float>());
}

/// <summary>Records every event it sees (in order); optionally throws something at one event.</summary>
internal sealed class EventLog(TrainEvent? throwAt = null, Func<Exception>? exception = null, int times = int.MaxValue) : Callback
{
    private int _thrown;

    public List<TrainEvent> Events { get; } = [];

    public override int Order => 100;

    public override string Name => "EventLog";


    public override void BeforeFit() => Record(TrainEvent.BeforeFit);
    public override void BeforeEpoch() => Record(TrainEvent.BeforeEpoch);
    public override void BeforeTrain() => Record(TrainEvent.BeforeTrain);
    public override void BeforeBatch() => Record(TrainEvent.BeforeBatch);
    public override void AfterPred() => Record(TrainEvent.AfterPred);
    public override void AfterLoss() => Record(TrainEvent.AfterLoss);
    public override void BeforeBackward() => Record(TrainEvent.BeforeBackward);
    public override void AfterBackward() => Record(TrainEvent.AfterBackward);
    public override void BeforeStep() => Record(TrainEvent.BeforeStep);
    public override void AfterStep() => Record(TrainEvent.AfterStep);
    public override void AfterBatch() => Record(TrainEvent.AfterBatch);
    public override void AfterTrain() => Record(TrainEvent.AfterTrain);
    public override void BeforeValidate() => Record(TrainEvent.BeforeValidate);
    public override void AfterValidate() => Record(TrainEvent.AfterValidate);
    public override void AfterEpoch() => Record(TrainEvent.AfterEpoch);
    public override void AfterFit() => Record(TrainEvent.AfterFit);
    public override void AfterCancel(TrainEvent e) => Record(e);

    private void Record(TrainEvent e)
    {
        Events.Add(e);
        if (e == throwAt && _thrown++ < times) throw exception!();
    }
}
