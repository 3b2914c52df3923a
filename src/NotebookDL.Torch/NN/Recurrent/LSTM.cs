namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Multi-layer long short-term memory. input (L, N, input_size), or (N, L, input_size) with batch_first, or
    /// unbatched (L, input_size); optional initial state (h0, c0), each (num_layers·directions, N, hidden_size)
    /// (zeros when omitted). Returns output (L, N, directions·hidden_size) (batch_first: (N, L, ...)) and (h_n, c_n).
    /// Parameter names and initialisation are PyTorch's (see <see cref="RecurrentParameters"/>); dropout applies
    /// between layers in training mode.
    /// </summary>
    public sealed class LSTM : RNNBase<(Tensor output, (Tensor h_n, Tensor c_n) state)>
    {
        public LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false, double dropout = 0,
            bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            : base(4, input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype)
        {
        }

        public override (Tensor output, (Tensor h_n, Tensor c_n) state) forward(Tensor input) => forward(input, null);

        /// <summary>Runs the LSTM from state <paramref name="hx"/> (zeros when null).</summary>
        public (Tensor output, (Tensor h_n, Tensor c_n) state) forward(Tensor input, (Tensor h0, Tensor c0)? hx)
        {
            var batched = RecurrentParameters.IsBatched(input, nameof(LSTM));
            var batchDim = batch_first ? 0 : 1;
            using var x = batched ? input.alias() : input.unsqueeze(batchDim);
            var stateShape = new[] { num_layers * (bidirectional ? 2 : 1), x.size(batchDim), hidden_size };
            using var h0 = hx is { } s ? (batched ? s.h0.alias() : s.h0.unsqueeze(1)) : torch.zeros(stateShape, x.dtype, x.device);
            using var c0 = hx is { } t ? (batched ? t.c0.alias() : t.c0.unsqueeze(1)) : torch.zeros(stateShape, x.dtype, x.device);
            var (output, (h, c)) = torch.nn.functional.lstm(x, (h0, c0), flat_weights, bias, num_layers, dropout, training, bidirectional, batch_first);
            if (batched) return (output, (h, c));
            using (output) using (h) using (c)
                return (output.squeeze(batchDim), (h.squeeze(1), c.squeeze(1)));
        }

        /// <summary>As <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>, then the forward hooks (with the input tensor as hook input).</summary>
        public (Tensor output, (Tensor h_n, Tensor c_n) state) call(Tensor input, (Tensor h0, Tensor c0)? hx)
        {
            var result = forward(input, hx);
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
            /// <summary>A multi-layer LSTM; see <see cref="Modules.LSTM"/>.</summary>
            public static Modules.LSTM LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
                double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype);
        }
    }
}
