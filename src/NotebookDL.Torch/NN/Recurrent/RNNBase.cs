namespace NotebookDL.Torch.Modules;

/// <summary>
/// What <see cref="LSTM"/> and <see cref="GRU"/> share (PyTorch's RNNBase): the configuration, its checks, and the
/// parameters laid out by <see cref="RecurrentParameters"/> with one block of rows per gate (4 for LSTM, 3 for GRU).
/// </summary>
public abstract class RNNBase<TOut> : Module<Tensor, TOut>
{
    private readonly List<string> _weightNames;

    private protected RNNBase(long gates, long input_size, long hidden_size, long num_layers, bool bias, bool batch_first, double dropout,
        bool bidirectional, Device? device, ScalarType? dtype)
    {
        RecurrentParameters.Check(input_size, hidden_size, num_layers, dropout);
        (this.input_size, this.hidden_size, this.num_layers, this.bias, this.batch_first, this.dropout, this.bidirectional) =
            (input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional);
        _weightNames = RecurrentParameters.Register(this, gates, input_size, hidden_size, num_layers, bias, bidirectional, device, dtype);
    }

    public long input_size { get; }
    public long hidden_size { get; }
    public long num_layers { get; }
    public bool bias { get; }
    public bool batch_first { get; }
    public double dropout { get; }
    public bool bidirectional { get; }

    /// <summary>The parameters in the order at::lstm / at::gru expect.</summary>
    public IReadOnlyList<Tensor> flat_weights => _weightNames.Select(n => GetParameter(n)!).ToList();
}
