using System.Runtime.InteropServices;
using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

public sealed partial class Tensor
{
    public bool requires_grad
    {
        get => NativeMethods.nbdl_tensor_requires_grad(Handle) != 0;
        set => NativeMethods.Check(NativeMethods.nbdl_tensor_requires_grad_(Handle, value ? 1 : 0));
    }

    public Tensor requires_grad_(bool requiresGrad = true)
    {
        requires_grad = requiresGrad;
        return this;
    }

    public bool is_leaf => NativeMethods.nbdl_tensor_is_leaf(Handle) != 0;

    /// <summary>The accumulated gradient, or null before any backward pass reached this tensor.</summary>
    public unsafe Tensor? grad
    {
        get
        {
            IntPtr result;
            NativeMethods.Check(NativeMethods.nbdl_tensor_grad(Handle, &result));
            return result == IntPtr.Zero ? null : new Tensor(result);
        }
        set
        {
            NativeMethods.Check(NativeMethods.nbdl_tensor_set_grad(Handle, value?.RawHandle ?? IntPtr.Zero));
            GC.KeepAlive(value);
        }
    }

    /// <summary>Name of the autograd function that made this tensor (e.g. "AddBackward0"), null for leaves.</summary>
    public string? grad_fn
    {
        get
        {
            var name = Marshal.PtrToStringUTF8(NativeMethods.Check(NativeMethods.nbdl_tensor_grad_fn_name(Handle)));
            return string.IsNullOrEmpty(name) ? null : name;
        }
    }

    /// <summary>Keeps <see cref="grad"/> for this non-leaf tensor after backward (used by Grad-CAM).</summary>
    public Tensor retain_grad()
    {
        NativeMethods.Check(NativeMethods.nbdl_tensor_retain_grad(Handle));
        return this;
    }

    /// <summary>Back-propagates from this tensor. <paramref name="retain_graph"/> null means "same as create_graph", as in PyTorch.</summary>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false)
    {
        var retain = retain_graph is null ? -1 : retain_graph.Value ? 1 : 0;
        NativeMethods.Check(NativeMethods.nbdl_tensor_backward(Handle, gradient?.RawHandle ?? IntPtr.Zero, retain, create_graph ? 1 : 0));
        GC.KeepAlive(gradient);
    }

    /// <summary>A new tensor sharing storage, cut from the autograd graph.</summary>
    public Tensor detach() => new(NativeMethods.nbdl_tensor_detach(Handle));
}
