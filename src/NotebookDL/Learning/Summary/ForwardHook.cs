namespace NotebookDL.Learning;

/// <summary>
/// A forward hook that is removed by disposing it. TorchSharp's hooks hang off <c>Module&lt;T, TResult&gt;</c> and are
/// removed with <c>HookRemover.remove()</c>; this puts them in a <c>using</c> or a list of disposables.
/// </summary>
internal sealed class ForwardHook : IDisposable
{
    private readonly nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover? _remover;

    /// <summary>Calls <paramref name="onOutput"/> with every output of <paramref name="module"/> (a no-op for modules that are not Tensor → Tensor).</summary>
    public ForwardHook(nn.Module module, Action<nn.Module, Tensor> onOutput)
    {
        if (module is nn.Module<Tensor, Tensor> m)
            _remover = m.register_forward_hook((self, _, output) =>
            {
                onOutput(self, output);
                return output;
            });
    }

    public void Dispose() => _remover?.remove();
}
