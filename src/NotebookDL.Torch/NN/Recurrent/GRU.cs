namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Multi-layer gated recurrent unit. input (L, N, input_size), or (N, L, input_size) with batch_first, or
    /// unbatched (L, input_size); optional h0 (num_layers·directions, N, hidden_size), zeros when omitted.
    /// Returns output (L, N, directions·hidden_size) and h_n. Parameters as PyTorch's (3·hidden_size gate rows).
    /// </summary>
    public sealed class GRU : RNNBase<(Tensor output, Tensor h_n)>
    {
        public GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false, double dropout = 0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            : base(3, input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype)
        {
        }

        public override (Tensor output, Tensor h_n) forward(Tensor input) => forward(input, null);

        /// <summary>Runs the GRU from state <paramref name="h0"/> (zeros when null).</summary>
        public (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0)
        {
            var batched = RecurrentParameters.IsBatched(input, nameof(GRU));
            var batchDim = batch_first ? 0 : 1;
            using var x = batched ? input.alias() : input.unsqueeze(batchDim);
            var stateShape = new[] { num_layers * (bidirectional ? 2 : 1), x.size(batchDim), hidden_size };
            using var h = h0 is not null ? (batched ? h0.alias() : h0.unsqueeze(1)) : torch.zeros(stateShape, x.dtype, x.device);
            var (output, hn) = torch.nn.functional.gru(x, h, flat_weights, bias, num_layers, dropout, training, bidirectional, batch_first);
            if (batched) return (output, hn);
            using (output) using (hn)
                return (output.squeeze(batchDim), hn.squeeze(1));
        }

        /// <summary>As <see cref="forward(Tensor, Tensor?)"/>, then the forward hooks.</summary>
        public (Tensor output, Tensor h_n) call(Tensor input, Tensor? h0)
        {
            var result = forward(input, h0);
            if (HasForwardHooks) RunForwardHooks(input, result);
            return result;
        }

        public override string extra_repr() =>
            $"{input_size}, {hidden_size}" + (num_layers != 1 ? $", num_layers={num_layers}" : "") + (!bias ? ", bias=False" : "") +
            (batch_first ? ", batch_first=True" : "") + (dropout != 0 ? $", dropout={dropout}" : "") + (bidirectional ? ", bidirectional=True" : "");
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer GRU; see <see cref="Modules.GRU"/>.</summary>
            public static Modules.GRU GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
                double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype);
        }
    }
}
