namespace NotebookDL.Inspect;

/// <summary>
/// fastai's <c>hook_output</c> and <c>hook_outputs</c>. With <c>using static NotebookDL.Inspect.HookFunctions;</c>
/// (preloaded in the kernel): <c>using var hook = HookOutput(model[0]);</c>.
/// </summary>
public static class HookFunctions
{
    /// <summary>Keeps <paramref name="module"/>'s output (detached), or with <paramref name="grad"/> the gradient of its output after backward.</summary>
    public static Hook HookOutput(nn.IModule<Tensor, Tensor> module, bool detach = true, bool grad = false) => new(module, null, isForward: !grad, detach);

    /// <summary><see cref="HookOutput"/> on each module.</summary>
    public static Hooks HookOutputs(IEnumerable<nn.IModule<Tensor, Tensor>> modules, bool detach = true, bool grad = false) => new(modules, null, isForward: !grad, detach);
}
