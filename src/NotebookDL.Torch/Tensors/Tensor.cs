using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

/// <summary>
/// A libtorch tensor. Methods keep PyTorch's names (<c>x.matmul(w).relu()</c>) so that PyTorch code ports line
/// by line. The class is split by topic: Tensor.Math, Tensor.Reduce, Tensor.Shape, Tensor.Indexing,
/// Tensor.Autograd, Tensor.Data, Tensor.Format.
/// Tensors own native memory: dispose them, or create them inside <see cref="torch.NewDisposeScope"/>.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;

    /// <summary>The dispose scope that will free this tensor, if any.</summary>
    internal DisposeScope? OwningScope;

    /// <summary>Takes ownership of a handle returned by the shim (throws the native error for a null handle).</summary>
    internal Tensor(IntPtr handle)
    {
        _handle = new TensorHandle(NativeMethods.Check(handle));
        DisposeScope.Register(this);
    }

    internal TensorHandle Handle
    {
        get
        {
            if (_handle.IsClosed)
                throw new ObjectDisposedException(nameof(Tensor),
                    "This tensor has been disposed (explicitly or by its DisposeScope). " +
                    "Keep it alive with MoveToOuterDisposeScope() or DetachFromDisposeScope().");
            return _handle;
        }
    }

    /// <summary>The raw at::Tensor* for calls that take arrays of handles; valid while this tensor is alive.</summary>
    internal IntPtr RawHandle => Handle.DangerousGetHandle();

    public bool IsDisposed => _handle.IsClosed;

    public void Dispose() => _handle.Dispose();

    /// <summary>Hands this tensor to the enclosing dispose scope (or to none) so it outlives the current one.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var scope = OwningScope;
        if (scope is null) return this;
        OwningScope = null;
        scope.Outer?.Add(this);
        return this;
    }

    /// <summary>Removes this tensor from every dispose scope: the caller now owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope = null;
        return this;
    }

    // ---- properties (PyTorch names) ----

    public long ndim => NativeMethods.nbdl_tensor_ndim(Handle);

    public long dim() => ndim;

    public long numel() => NativeMethods.nbdl_tensor_numel(Handle);

    public ScalarType dtype => (ScalarType)NativeMethods.nbdl_tensor_dtype(Handle);

    public Device device
    {
        get
        {
            var type = (DeviceType)NativeMethods.nbdl_tensor_device_type(Handle);
            return type == DeviceType.CPU ? Device.CPU : new Device(type, NativeMethods.nbdl_tensor_device_index(Handle));
        }
    }

    public unsafe long[] shape
    {
        get
        {
            var handle = Handle;
            var result = new long[NativeMethods.nbdl_tensor_ndim(handle)];
            fixed (long* p = result) NativeMethods.nbdl_tensor_shape(handle, p);
            return result;
        }
    }

    public long[] size() => shape;

    public long size(int dim) => shape[dim < 0 ? dim + (int)ndim : dim];

    public unsafe long[] stride()
    {
        var handle = Handle;
        var result = new long[NativeMethods.nbdl_tensor_ndim(handle)];
        fixed (long* p = result) NativeMethods.nbdl_tensor_stride(handle, p);
        return result;
    }

    public long stride(int dim) => stride()[dim < 0 ? dim + (int)ndim : dim];

    public bool is_contiguous() => NativeMethods.nbdl_tensor_is_contiguous(Handle) != 0;

    public long element_size() => NativeMethods.nbdl_tensor_element_size(Handle);

    public bool is_floating_point() => dtype.IsFloatingPoint();

    /// <summary>Reference equality: <c>==</c> on tensors is element-wise (see Tensor.Math).</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
