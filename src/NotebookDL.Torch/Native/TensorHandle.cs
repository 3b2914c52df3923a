using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

/// <summary>Owns one native <c>at::Tensor*</c>; releasing it drops libtorch's reference.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.nbdl_tensor_free(handle);
        return true;
    }
}
