using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// Factories. Defaults follow PyTorch: dtype float32 (int64 for integer ranges), device cpu, requires_grad false.
public static partial class torch
{
    private readonly record struct Options(ScalarType Dtype, Device Device, bool RequiresGrad)
    {
        public static Options Make(ScalarType? dtype, Device? device, bool requiresGrad, ScalarType fallback = ScalarType.Float32)
        {
            var d = (device ?? Device.CPU).Validated();
            return new(dtype ?? fallback, d, requiresGrad);
        }

        public int DeviceType => (int)Device.type;
        public int DeviceIndex => Device.index;
        public int Grad => RequiresGrad ? 1 : 0;
    }

    private unsafe delegate IntPtr ShapeFactory(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);

    private static unsafe Tensor FromShape(ShapeFactory factory, long[] size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var o = Options.Make(dtype, device, requires_grad);
        fixed (long* p = size) return new Tensor(factory(p, size.Length, (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    public static Tensor empty(params long[] size) => empty(size, null);
    public static unsafe Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromShape(N.nbdl_tensor_empty, size, dtype, device, requires_grad);
    public static Tensor zeros(params long[] size) => zeros(size, null);
    public static unsafe Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromShape(N.nbdl_tensor_zeros, size, dtype, device, requires_grad);
    public static Tensor ones(params long[] size) => ones(size, null);
    public static unsafe Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromShape(N.nbdl_tensor_ones, size, dtype, device, requires_grad);
    public static Tensor rand(params long[] size) => rand(size, null);
    public static unsafe Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromShape(N.nbdl_tensor_rand, size, dtype, device, requires_grad);
    public static Tensor randn(params long[] size) => randn(size, null);
    public static unsafe Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromShape(N.nbdl_tensor_randn, size, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="fill_value"/>; the dtype follows the value (int64 for integers, bool for bools) unless given.</summary>
    public static unsafe Tensor full(long[] size, Scalar fill_value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var fallback = fill_value.InferredDtype;
        var o = Options.Make(dtype, device, requires_grad, fallback);
        fixed (long* p = size)
            return new Tensor(N.nbdl_tensor_full(p, size.Length, fill_value.ToNative(), (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    /// <summary>Integers uniformly drawn from [low, high), int64 by default as in PyTorch.</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var o = Options.Make(dtype, device, requires_grad, ScalarType.Int64);
        fixed (long* p = size)
            return new Tensor(N.nbdl_tensor_randint(low, high, p, size.Length, (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) => randint(0, high, size, dtype, device);

    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null)
    {
        var o = Options.Make(dtype, device, false, ScalarType.Int64);
        return new Tensor(N.nbdl_tensor_randperm(n, (int)o.Dtype, o.DeviceType, o.DeviceIndex, 0));
    }

    /// <summary>[start, end) in steps; int64 when all bounds are integers, float32 otherwise (PyTorch's rule).</summary>
    public static Tensor arange(Scalar start, Scalar end, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var integral = !start.IsFloatingPoint && !end.IsFloatingPoint && !step.IsFloatingPoint;
        var o = Options.Make(dtype, device, requires_grad, integral ? ScalarType.Int64 : ScalarType.Float32);
        return new Tensor(N.nbdl_tensor_arange(start.ToNative(), end.ToNative(), step.ToNative(), (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    public static Tensor arange(Scalar start, Scalar end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(start, end, 1, dtype, device, requires_grad);
    public static Tensor arange(Scalar end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0, end, 1, dtype, device, requires_grad);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var o = Options.Make(dtype, device, requires_grad);
        return new Tensor(N.nbdl_tensor_linspace(start, end, steps, (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    public static Tensor eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var o = Options.Make(dtype, device, requires_grad);
        return new Tensor(N.nbdl_tensor_eye(n, m ?? n, (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    // ---- *_like: same shape, dtype and device as the input unless given ----
    public static Tensor zeros_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(t.shape, dtype ?? t.dtype, device ?? t.device, requires_grad);
    public static Tensor ones_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones(t.shape, dtype ?? t.dtype, device ?? t.device, requires_grad);
    public static Tensor empty_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty(t.shape, dtype ?? t.dtype, device ?? t.device, requires_grad);
    public static Tensor full_like(Tensor t, Scalar fill_value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(t.shape, fill_value, dtype ?? t.dtype, device ?? t.device, requires_grad);
    public static Tensor rand_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Like(N.nbdl_tensor_rand_like, t, dtype, device, requires_grad);
    public static Tensor randn_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Like(N.nbdl_tensor_randn_like, t, dtype, device, requires_grad);

    private static Tensor Like(Func<Native.TensorHandle, int, int, int, int, IntPtr> factory, Tensor t, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        var o = Options.Make(dtype ?? t.dtype, device ?? t.device, requiresGrad);
        return new Tensor(factory(t.Handle, (int)o.Dtype, o.DeviceType, o.DeviceIndex, o.Grad));
    }

    // ---- from .NET data ----

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (row-major).</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        long count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] has a negative size.", nameof(shape));
            count *= s;
        }
        if (count != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] holds {count} elements but the data has {data.Length}.", nameof(shape));
        var source = ScalarTypes.Of<T>();
        var o = Options.Make(dtype ?? source, device, requires_grad);
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            // The shim copies from host memory as the source dtype, then converts to the requested dtype/device.
            var host = new Tensor(N.nbdl_tensor_from_data(p, s, shape.Length, (int)source, 0, -1, 0));
            if (o.Dtype == source && o.Device.type == DeviceType.CPU)
            {
                if (requires_grad) host.requires_grad_();
                return host;
            }
            using (host)
            {
                var result = host.to(o.Dtype, o.Device);
                if (requires_grad) result.requires_grad_();
                return result;
            }
        }
    }

    public static Tensor tensor<T>(T[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        tensor<T>(data, new[] { data.LongLength }, dtype, device, requires_grad);

    public static Tensor tensor<T>(T[] data, long[] shape, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        tensor<T>(data.AsSpan(), shape, dtype, device, requires_grad);

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor tensor<T>(T value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        tensor<T>(new ReadOnlySpan<T>(in value), [], dtype, device, requires_grad);

    public static Tensor tensor<T>(T[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged => FromArray<T>(data, dtype, device, requires_grad);
    public static Tensor tensor<T>(T[,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged => FromArray<T>(data, dtype, device, requires_grad);
    public static Tensor tensor<T>(T[,,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged => FromArray<T>(data, dtype, device, requires_grad);

    // Multi-dimensional .NET arrays are stored row-major and contiguously, which is exactly a contiguous tensor.
    private static Tensor FromArray<T>(Array data, ScalarType? dtype, Device? device, bool requiresGrad) where T : unmanaged
    {
        var shape = new long[data.Rank];
        for (var i = 0; i < data.Rank; i++) shape[i] = data.GetLength(i);
        var span = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        return tensor<T>(span, new ReadOnlySpan<long>(shape), dtype, device, requiresGrad);
    }
}
