using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

public sealed partial class Tensor
{
    /// <summary>
    /// The elements in row-major order, converted to <typeparamref name="T"/> if the dtype differs
    /// (e.g. <c>ToArray&lt;float&gt;()</c> on a bfloat16 tensor). Copies from any device.
    /// </summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var target = ScalarTypes.Of<T>();
        var result = new T[checked((int)numel())];
        fixed (T* p = result)
            NativeMethods.Check(NativeMethods.nbdl_tensor_copy_to_host(Handle, (int)target, p, (long)result.Length * sizeof(T)));
        return result;
    }

    /// <summary>The value of a one-element tensor, as PyTorch's <c>item()</c>.</summary>
    public unsafe T item<T>() where T : unmanaged
    {
        var count = numel();
        if (count != 1)
            throw new InvalidOperationException($"item() needs a tensor with exactly one element, but this one has {count} (shape [{string.Join(", ", shape)}]).");
        var target = ScalarTypes.Of<T>();
        if (target.IsFloatingPoint())
        {
            double value;
            NativeMethods.Check(NativeMethods.nbdl_tensor_item_double(Handle, &value));
            if (typeof(T) == typeof(float)) { var f = (float)value; return *(T*)&f; }
            if (typeof(T) == typeof(Half)) { var h = (Half)value; return *(T*)&h; }
            return *(T*)&value;
        }
        long integer;
        NativeMethods.Check(NativeMethods.nbdl_tensor_item_long(Handle, &integer));
        return target switch
        {
            ScalarType.Int64 => *(T*)&integer,
            ScalarType.Int32 => Reinterpret<int, T>((int)integer),
            ScalarType.Int16 => Reinterpret<short, T>((short)integer),
            ScalarType.Int8 => Reinterpret<sbyte, T>((sbyte)integer),
            ScalarType.Byte => Reinterpret<byte, T>((byte)integer),
            _ => Reinterpret<bool, T>(integer != 0),
        };
    }

    private static unsafe TOut Reinterpret<TIn, TOut>(TIn value) where TIn : unmanaged where TOut : unmanaged => *(TOut*)&value;

    /// <summary>Converts to another dtype; returns a new tensor (a copy when the dtype differs, or when <paramref name="copy"/>).</summary>
    public Tensor to(ScalarType type, bool copy = false) => to(type, device, copy);

    public Tensor to(Device target, bool copy = false) => to(dtype, target, copy);

    public Tensor to(ScalarType type, Device target, bool copy = false)
    {
        var d = target.Validated();
        return new Tensor(NativeMethods.nbdl_tensor_to(Handle, (int)type, (int)d.type, d.index, copy ? 1 : 0));
    }

    public Tensor cpu() => to(Device.CPU);

    public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));

    public Tensor @float() => to(ScalarType.Float32);

    public Tensor @double() => to(ScalarType.Float64);

    public Tensor half() => to(ScalarType.Float16);

    public Tensor bfloat16() => to(ScalarType.BFloat16);

    public Tensor @long() => to(ScalarType.Int64);

    public Tensor @int() => to(ScalarType.Int32);

    public Tensor @bool() => to(ScalarType.Bool);

    public Tensor @byte() => to(ScalarType.Byte);

    public Tensor clone() => new(NativeMethods.nbdl_tensor_clone(Handle));

    public Tensor contiguous() => new(NativeMethods.nbdl_tensor_contiguous(Handle));

    /// <summary>Another C# reference to the same libtorch tensor, with its own lifetime.</summary>
    public Tensor alias() => new(NativeMethods.nbdl_tensor_alias(Handle));
}
