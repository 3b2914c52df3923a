namespace NotebookDL.Torch.Modules;

/// <summary>
/// The parameter layout shared by <see cref="LSTM"/> and <see cref="GRU"/>, as PyTorch's RNNBase: per layer k and
/// direction (suffix "" or "_reverse"): weight_ih_lk (gates·H, input), weight_hh_lk (gates·H, H), bias_ih_lk and
/// bias_hh_lk (gates·H), all ~ U(±1/√H). The flat order is what at::lstm / at::gru expect.
/// </summary>
internal static class RecurrentParameters
{
    public static List<string> Register(Module owner, long gates, long inputSize, long hiddenSize, long numLayers, bool bias, bool bidirectional,
        Device? device, ScalarType? dtype)
    {
        var names = new List<string>();
        var directions = bidirectional ? 2 : 1;
        var bound = 1 / Math.Sqrt(hiddenSize);
        for (var layer = 0; layer < numLayers; layer++)
        {
            var layerInput = layer == 0 ? inputSize : hiddenSize * directions;
            for (var direction = 0; direction < directions; direction++)
            {
                var suffix = $"_l{layer}" + (direction == 1 ? "_reverse" : "");
                var shapes = new List<(string name, long[] shape)>
                {
                    ("weight_ih" + suffix, [gates * hiddenSize, layerInput]),
                    ("weight_hh" + suffix, [gates * hiddenSize, hiddenSize]),
                };
                if (bias)
                {
                    shapes.Add(("bias_ih" + suffix, [gates * hiddenSize]));
                    shapes.Add(("bias_hh" + suffix, [gates * hiddenSize]));
                }
                foreach (var (name, shape) in shapes)
                {
                    var p = torch.empty(shape, dtype, device, requires_grad: true);
                    torch.nn.init.uniform_(p, -bound, bound);
                    owner.register_parameter(name, p);
                    names.Add(name);
                }
            }
        }
        return names;
    }

    public static void Check(long inputSize, long hiddenSize, long numLayers, double dropout)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException("input_size", inputSize, "input_size must be positive.");
        if (hiddenSize <= 0) throw new ArgumentOutOfRangeException("hidden_size", hiddenSize, "hidden_size must be positive.");
        if (numLayers <= 0) throw new ArgumentOutOfRangeException("num_layers", numLayers, "num_layers must be positive.");
        if (dropout is < 0 or > 1 || double.IsNaN(dropout)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be between 0 and 1.");
    }

    /// <summary>Accepts batched (3-D) or unbatched (2-D) sequences, returning whether it was batched.</summary>
    public static bool IsBatched(Tensor input, string layer) => input.ndim switch
    {
        3 => true,
        2 => false,
        _ => throw new ArgumentException($"{layer} expects a 2-D (unbatched) or 3-D (batched) input, got {input.ndim}-D (shape [{string.Join(", ", input.shape)}]).", nameof(input)),
    };
}
