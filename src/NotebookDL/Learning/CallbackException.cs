namespace NotebookDL.Learning;

/// <summary>
/// A callback failed (with anything but a <see cref="CancelException"/>). The message names the callback and the
/// event; the original exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class CallbackException(ICallback callback, TrainEvent trainEvent, Exception inner)
    : Exception($"Callback {callback.Name} failed in {trainEvent}: {inner.GetType().Name}: {NotebookDL.Engine.NativeErrors.Message(inner)}", inner)
{
    public ICallback Callback { get; } = callback;

    public TrainEvent Event { get; } = trainEvent;
}
