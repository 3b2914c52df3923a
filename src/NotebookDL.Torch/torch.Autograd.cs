using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

public static partial class torch
{
    /// <summary>Disables gradient tracking on this thread until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static IDisposable no_grad() => new GradModeScope(false);

    /// <summary>Re-enables gradient tracking inside a no_grad region until disposed.</summary>
    public static IDisposable enable_grad() => new GradModeScope(true);

    public static bool is_grad_enabled() => N.nbdl_autograd_is_grad_enabled() != 0;

    public static void set_grad_enabled(bool enabled) => N.nbdl_autograd_set_grad_enabled(enabled ? 1 : 0);

    /// <summary>Restores the previous grad mode on dispose (libtorch's mode is thread-local, so is this scope).</summary>
    private sealed class GradModeScope : IDisposable
    {
        private readonly int _previous;
        private bool _disposed;

        public GradModeScope(bool enabled) => _previous = N.nbdl_autograd_set_grad_enabled(enabled ? 1 : 0);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            N.nbdl_autograd_set_grad_enabled(_previous);
        }
    }

    public static class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, as <c>torch.autograd.grad</c>.
        /// Entries are null for inputs that do not affect the outputs when <paramref name="allow_unused"/>.
        /// With <paramref name="create_graph"/> the gradients are differentiable (higher-order derivatives).
        /// </summary>
        public static unsafe Tensor?[] grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
            IReadOnlyList<Tensor?>? grad_outputs = null, bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            if (grad_outputs is not null && grad_outputs.Count != outputs.Count)
                throw new ArgumentException($"grad_outputs has {grad_outputs.Count} entries but there are {outputs.Count} outputs.", nameof(grad_outputs));
            var o = stackalloc IntPtr[outputs.Count];
            var i = stackalloc IntPtr[inputs.Count];
            var g = stackalloc IntPtr[grad_outputs?.Count ?? 0];
            for (var k = 0; k < outputs.Count; k++) o[k] = outputs[k].RawHandle;
            for (var k = 0; k < inputs.Count; k++) i[k] = inputs[k].RawHandle;
            for (var k = 0; k < (grad_outputs?.Count ?? 0); k++) g[k] = grad_outputs![k]?.RawHandle ?? IntPtr.Zero;
            IntPtr* list;
            var retain = retain_graph is null ? -1 : retain_graph.Value ? 1 : 0;
            var count = N.Check(N.nbdl_autograd_grad(o, outputs.Count, i, inputs.Count, g, grad_outputs?.Count ?? 0,
                retain, create_graph ? 1 : 0, allow_unused ? 1 : 0, &list));
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            try
            {
                var result = new Tensor?[count];
                for (var k = 0; k < count; k++) result[k] = list[k] == IntPtr.Zero ? null : new Tensor(list[k]);
                return result;
            }
            finally
            {
                N.nbdl_util_free((IntPtr)list);
            }
        }

        public static Tensor?[] grad(Tensor output, IReadOnlyList<Tensor> inputs, bool? retain_graph = null, bool create_graph = false, bool allow_unused = false) =>
            grad([output], inputs, null, retain_graph, create_graph, allow_unused);
    }
}
