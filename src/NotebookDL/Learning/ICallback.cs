namespace NotebookDL.Learning;

/// <summary>
/// A behaviour plugged into the training loop. The Learner calls <see cref="Handle"/> for every
/// <see cref="TrainEvent"/>, visiting callbacks by ascending <see cref="Order"/> (ties keep insertion order).
/// Most callbacks derive from <see cref="Callback"/>, which turns events into overridable methods.
/// </summary>
public interface ICallback
{
    /// <summary>Lower runs first (TrainEvalCallback -10, Recorder 50, schedulers and trackers 60, as in fastai).</summary>
    int Order { get; }

    /// <summary>Name shown in errors and used to find the callback (e.g. "Recorder").</summary>
    string Name { get; }

    /// <summary>The learner this callback is attached to; set when added, cleared when removed.</summary>
    Learner? Learner { get; set; }

    void Handle(TrainEvent trainEvent);
}
