using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Multi-layer LSTM over a sequence (libtorch's fused at::lstm). input (L, N, H_in) or (N, L, H_in) with
            /// <paramref name="batch_first"/>; h0, c0 (layers·directions, N, H). <paramref name="flat_weights"/> per layer and
            /// direction: weight_ih, weight_hh[, bias_ih, bias_hh]. Returns output (…, directions·H) and (h_n, c_n).
            /// </summary>
            public static unsafe (Tensor output, (Tensor h_n, Tensor c_n) state) lstm(Tensor input, (Tensor h0, Tensor c0) hx, IReadOnlyList<Tensor> flat_weights,
                bool has_biases, long num_layers, double dropout, bool train, bool bidirectional, bool batch_first)
            {
                var handles = stackalloc IntPtr[flat_weights.Count];
                for (var i = 0; i < flat_weights.Count; i++) handles[i] = flat_weights[i].RawHandle;
                var output = stackalloc IntPtr[3];
                N.Check(N.nbdl_nn_lstm(input.Handle, hx.h0.Handle, hx.c0.Handle, handles, flat_weights.Count, has_biases ? 1 : 0, num_layers, dropout,
                    train ? 1 : 0, bidirectional ? 1 : 0, batch_first ? 1 : 0, output));
                GC.KeepAlive(flat_weights);
                return (new Tensor(output[0]), (new Tensor(output[1]), new Tensor(output[2])));
            }

            /// <summary>Multi-layer GRU (at::gru); same layout as <see cref="lstm"/> with one hidden state. Returns output and h_n.</summary>
            public static unsafe (Tensor output, Tensor h_n) gru(Tensor input, Tensor h0, IReadOnlyList<Tensor> flat_weights,
                bool has_biases, long num_layers, double dropout, bool train, bool bidirectional, bool batch_first)
            {
                var handles = stackalloc IntPtr[flat_weights.Count];
                for (var i = 0; i < flat_weights.Count; i++) handles[i] = flat_weights[i].RawHandle;
                var output = stackalloc IntPtr[2];
                N.Check(N.nbdl_nn_gru(input.Handle, h0.Handle, handles, flat_weights.Count, has_biases ? 1 : 0, num_layers, dropout,
                    train ? 1 : 0, bidirectional ? 1 : 0, batch_first ? 1 : 0, output));
                GC.KeepAlive(flat_weights);
                return (new Tensor(output[0]), new Tensor(output[1]));
            }
        }
    }
}
