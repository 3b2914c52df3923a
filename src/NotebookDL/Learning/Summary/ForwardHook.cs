namespace NotebookDL.Learning;

/// <summary>
/// A forward hook that is removed by disposing it. TorchSharp's hooks hang off each <c>Module&lt;...&gt;</c> signature and
/// are removed with <c>HookRemover.remove()</c>; this puts them in a <c>using</c> or a list of disposables, and reports the
/// main output of the signatures a model's layers have: Tensor → Tensor, and the recurrent layers' (output, state...).
/// </summary>
internal sealed class ForwardHook : IDisposable
{
    private readonly Action? _remove;

    /// <summary>
    /// Calls <paramref name="onOutput"/> with every output of <paramref name="module"/>: the tensor of a Tensor → Tensor
    /// module, the output sequence of TorchSharp's LSTM, GRU and RNN and of <see cref="Architectures.LstmLayer"/>; a no-op for others.
    /// </summary>
    public ForwardHook(nn.Module module, Action<nn.Module, Tensor> onOutput)
    {
        switch (module)
        {
            case nn.Module<Tensor, Tensor> m:
                _remove = m.register_forward_hook((self, _, output) => { onOutput(self, output); return output; }).remove;
                break;
            case nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)> lstm:
                _remove = lstm.register_forward_hook((self, _, _, output) => { onOutput(self, output.Item1); return output; }).remove;
                break;
            case nn.Module<Tensor, Tensor?, (Tensor, Tensor)> rnn: // GRU and RNN
                _remove = rnn.register_forward_hook((self, _, _, output) => { onOutput(self, output.Item1); return output; }).remove;
                break;
            case nn.Module<Tensor, Tensor, Tensor, (Tensor Output, Tensor H, Tensor C)> layer:
                _remove = layer.register_forward_hook((self, _, _, _, output) => { onOutput(self, output.Output); return output; }).remove;
                break;
        }
    }

    /// <summary>
    /// Whether <paramref name="module"/> has one of the recurrent signatures above, whose hooked output is a sequence
    /// (…, steps, features).
    /// </summary>
    public static bool IsRecurrent(nn.Module module) => module is
        nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)> or
        nn.Module<Tensor, Tensor?, (Tensor, Tensor)> or
        nn.Module<Tensor, Tensor, Tensor, (Tensor Output, Tensor H, Tensor C)>;

    public void Dispose() => _remove?.Invoke();
}
