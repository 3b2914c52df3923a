using NotebookDL.Data;

namespace NotebookDL.Learning;

/// <summary>
/// fastai v2's Learner: data, model, loss, optimizer factory and callbacks. Its training loop (Learner.Fit) only
/// fires <see cref="TrainEvent"/>s; behaviour lives in callbacks (<see cref="TrainEvalCallback"/>,
/// <see cref="Recorder"/>, <see cref="TerminateOnNaN"/>, <see cref="ProgressCallback"/> are added by default). Recipes such as
/// <c>FitOneCycle</c>, <c>FineTune</c> and <c>LrFind</c> are extension methods in LearnerRecipes.
/// <example><code>
/// var learn = new Learner(dls, model, LossFunction.CrossEntropy, metrics: [Metrics.Accuracy]);
/// learn.FitOneCycle(3, 3e-3);
/// </code></example>
/// </summary>
public partial class Learner : IDisposable
{
    private readonly List<ICallback> _cbs = [];
    private bool disposed;

    /// <param name="dls">Training and validation data.</param>
    /// <param name="model">Maps a batch's X to predictions.</param>
    /// <param name="lossFunc">Loss; <see cref="LossFunction.CrossEntropy"/> for classification.</param>
    /// <param name="optFunc">Optimizer factory; fastai's AdamW (<see cref="OptFuncs.AdamW"/>) by default.</param>
    /// <param name="metrics">Computed on the validation set after each epoch.</param>
    /// <param name="wd">Weight decay applied at every fit; <see cref="LearnerDefaults.Wd"/> when null.</param>
    /// <param name="cbs">Extra callbacks kept for every fit.</param>
    /// <param name="splitter">Layer groups; one group when null.</param>
    /// <param name="lr">Learning rate used when a fit gives none; <see cref="LearnerDefaults.Lr"/> when null.</param>
    /// <param name="trainBn">Keep BatchNorm parameters trainable when frozen; <see cref="LearnerDefaults.TrainBn"/> when null.</param>
    /// <param name="progress">Add the <see cref="ProgressCallback"/> (live bar and epoch table).</param>
    public Learner(IDataLoaders dls, nn.Module<Tensor, Tensor> model, LossFunction lossFunc, OptFunc? optFunc = null,
        IEnumerable<IMetric>? metrics = null, double? wd = null, IEnumerable<ICallback>? cbs = null, Splitter? splitter = null,
        double? lr = null, bool? trainBn = null, bool progress = true)
    {
        Dls = dls ?? throw new ArgumentNullException(nameof(dls));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        LossFunc = lossFunc ?? throw new ArgumentNullException(nameof(lossFunc));
        OptFunc = optFunc ?? OptFuncs.AdamW;
        Metrics = metrics?.ToList() ?? [];
        Wd = wd ?? LearnerDefaults.Values.Wd;
        Lr = lr ?? LearnerDefaults.Values.Lr;
        TrainBn = trainBn ?? LearnerDefaults.Values.TrainBn;
        Splitter = splitter ?? Splitters.Default;
        ModelSpec = ModelRegistry.SpecOf(model);
        AddCbs([new TrainEvalCallback(), new Recorder(), new TerminateOnNaN()]);
        if (progress) AddCb(new ProgressCallback());
        if (cbs is not null) AddCbs(cbs);
    }

    public IDataLoaders Dls { get; set; }

    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The loss; callbacks such as MixUp swap it for the duration of a fit.</summary>
    public LossFunction LossFunc { get; set; }

    public OptFunc OptFunc { get; }

    /// <summary>The optimizer, created on the first fit (or by <see cref="CreateOpt"/>, <see cref="Freeze"/>).</summary>
    public Optimizer? Opt { get; private set; }

    public List<IMetric> Metrics { get; }

    public double Wd { get; set; }

    /// <summary>Default learning rate of a fit.</summary>
    public double Lr { get; set; }

    public bool TrainBn { get; set; }

    /// <summary>
    /// Momentum at the start, peak and end of <c>FitOneCycle</c> when the fit gives none (fastai's Learner <c>moms</c>:
    /// <see cref="OneCycleOptions"/>' 0.95/0.85/0.95; the text learners use fastai's 0.8/0.7/0.8).
    /// </summary>
    public (double Start, double Middle, double End) Moms { get; set; } = OneCycleOptions.Default.Moms;

    public Splitter Splitter { get; set; }

    /// <summary>How to rebuild the model when loading an export; set from <see cref="ModelRegistry.Create"/>.</summary>
    public ModelSpec? ModelSpec { get; set; }

    /// <summary>Applied to an item before <see cref="Predict(Tensor)"/>, and saved by <c>Export</c>.</summary>
    public IItemTransform? ItemTransform { get; set; }

    // ---- loop state, read (and some written) by callbacks ----

    public int NEpoch { get; internal set; }

    public int Epoch { get; set; }

    /// <summary>Index of the current batch within the current pass.</summary>
    public int Iter { get; internal set; }

    /// <summary>Batches in the current pass.</summary>
    public int NIter { get; internal set; }

    /// <summary>Training batches done since the start of the fit.</summary>
    public int TrainIter { get; set; }

    /// <summary>Progress of training through the fit, 0 to 1 (what schedules read).</summary>
    public double PctTrain { get; set; }

    /// <summary>True while training batches run, false during validation.</summary>
    public bool Training { get; set; }

    /// <summary>False while the loop should not log epoch rows (lr_find, Validate).</summary>
    public bool Logging { get; set; } = true;

    /// <summary>The loader of the current pass.</summary>
    public IDataLoader? Dl { get; internal set; }

    /// <summary>The current batch's input; a callback may replace it in BeforeBatch (e.g. MixUp).</summary>
    public Tensor? X { get; set; }

    public Tensor? Y { get; set; }

    /// <summary>The model's output for the current batch (set before AfterPred).</summary>
    public Tensor? Pred { get; set; }

    /// <summary>The current batch's loss (set before AfterLoss): what the Recorder, metrics and progress report.</summary>
    public Tensor? Loss { get; set; }

    /// <summary>
    /// What backward runs on: <see cref="Loss"/> plus any penalty a callback adds in AfterLoss (fastai's <c>loss_grad</c>;
    /// <c>RnnRegularizer</c> adds AR and TAR), so regularisation trains the model without changing the reported loss.
    /// </summary>
    public Tensor? LossGrad { get; set; }

    /// <summary>The smoothed training loss, maintained by the <see cref="Recorder"/>.</summary>
    public double SmoothLoss { get; set; } = double.NaN;

    // ---- callbacks ----

    /// <summary>The callbacks in the order they run.</summary>
    public IReadOnlyList<ICallback> Cbs => _cbs;

    public Recorder Recorder => GetCallback<Recorder>() ?? throw new InvalidOperationException("This Learner has no Recorder callback.");

    public T? GetCallback<T>() where T : class, ICallback => _cbs.OfType<T>().FirstOrDefault();

    /// <summary>Attaches <paramref name="cb"/>, keeping callbacks sorted by Order (stable for ties).</summary>
    public Learner AddCb(ICallback cb)
    {
        ArgumentNullException.ThrowIfNull(cb);
        if (cb.Learner is not null && cb.Learner != this)
            throw new InvalidOperationException($"Callback {cb.Name} is already attached to another Learner.");
        if (_cbs.Contains(cb)) return this;
        cb.Learner = this;
        var index = _cbs.FindLastIndex(c => c.Order <= cb.Order) + 1;
        _cbs.Insert(index, cb);
        return this;
    }

    public Learner AddCbs(IEnumerable<ICallback> cbs)
    {
        foreach (var cb in cbs) AddCb(cb);
        return this;
    }

    public Learner RemoveCb(ICallback cb)
    {
        if (_cbs.Remove(cb)) cb.Learner = null;
        return this;
    }

    /// <summary>Adds <paramref name="cbs"/> until the returned scope is disposed (fastai's <c>added_cbs</c>).</summary>
    public IDisposable AddedCbs(IEnumerable<ICallback>? cbs)
    {
        var added = (cbs ?? []).Where(c => !_cbs.Contains(c)).ToList();
        AddCbs(added);
        return new Scope(() => added.ForEach(c => RemoveCb(c)));
    }

    /// <summary>Frees the model's parameters, the optimizer's state and what disposable callbacks hold; the learner is unusable after.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing) return;
        disposed = true;
        foreach (var cb in _cbs.OfType<IDisposable>()) cb.Dispose();
        Opt?.Dispose();
        Model.Dispose();
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        private Action? _onDispose = onDispose;

        public void Dispose()
        {
            _onDispose?.Invoke();
            _onDispose = null;
        }
    }
}
