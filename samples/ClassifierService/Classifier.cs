using System.Diagnostics;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace ClassifierService;

/// <summary>
/// The exported learner, shared by every request. One prediction runs at a time: a prediction switches the model to
/// eval mode and back, and on a CPU libtorch already uses the cores for one picture, so a queue costs nothing.
/// </summary>
internal sealed class Classifier : IDisposable
{
    private readonly VisionLearner learn;
    private readonly Lock gate = new();
    private long served;

    public Classifier(string path)
    {
        learn = Learner.Load<VisionLearner>(path);
        Classes = learn.Dls.Vocab ?? throw new InvalidDataException($"'{path}' has no class names: export a classifier.");
    }

    public IReadOnlyList<string> Classes { get; }

    /// <summary>Pictures classified so far.</summary>
    public long Served => Interlocked.Read(ref served);

    /// <summary>The prediction for an encoded picture and the milliseconds the model took (decoding included).</summary>
    public (Prediction Prediction, double ModelMs) Predict(byte[] picture, string name)
    {
        lock (gate)
        {
            var clock = Stopwatch.StartNew();
            var prediction = learn.Predict(picture, name);
            Interlocked.Increment(ref served);
            return (prediction, clock.Elapsed.TotalMilliseconds);
        }
    }

    public void Dispose() => learn.Dispose();
}
