using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Tests.Parity;

/// <summary>How a parity input is drawn (always from a seeded <see cref="System.Random"/>, never from torch's RNG).</summary>
public enum InputKind
{
    /// <summary>Uniform in [Lo, Hi).</summary>
    Uniform,
    /// <summary>Integers uniform in [Lo, Hi).</summary>
    Integers,
    /// <summary>Booleans, true with probability Lo.</summary>
    Bools,
    /// <summary>Integers in [0, Hi), distinct along the last dimension (scatter indices without collisions).</summary>
    DistinctLastDim,
}

/// <summary>One input of a parity case: shape, dtype, value range, and whether autograd tracks it.</summary>
public sealed record InputSpec(long[] Shape, ScalarType Dtype, InputKind Kind, double Lo, double Hi, bool RequiresGrad = false)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Raw little-endian bytes of the values, in row-major order.</summary>
    public byte[] Generate(Random random)
    {
        var values = new double[Count];
        switch (Kind)
        {
            case InputKind.Uniform:
                for (var i = 0; i < values.Length; i++) values[i] = Lo + (Hi - Lo) * random.NextDouble();
                break;
            case InputKind.Integers:
                for (var i = 0; i < values.Length; i++) values[i] = random.NextInt64((long)Lo, (long)Hi);
                break;
            case InputKind.Bools:
                for (var i = 0; i < values.Length; i++) values[i] = random.NextDouble() < Lo ? 1 : 0;
                break;
            case InputKind.DistinctLastDim:
                var row = (int)Shape[^1];
                for (var start = 0; start < values.Length; start += row)
                {
                    var pool = Enumerable.Range(0, (int)Hi).Select(v => (double)v).ToArray();
                    random.Shuffle(pool);
                    Array.Copy(pool, 0, values, start, row);
                }
                break;
        }
        return ParityData.Encode(values, Dtype);
    }

    public Tensor ToTensor(byte[] data) => ParityData.Decode(data, Dtype, Shape, RequiresGrad);
}

public enum CaseKind
{
    /// <summary>Outputs of an op (or a chain of ops) compared element-wise.</summary>
    Op,
    /// <summary>A scalar loss, then backward(): the loss and the grad of every requires_grad input are compared.</summary>
    Grad,
    /// <summary>Like <see cref="Op"/> but computing gradients itself (torch.autograd.grad); listed with the gradient cases.</summary>
    GradCustom,
    /// <summary>ToString() compared with Python's str(t), character for character.</summary>
    Print,
}

/// <summary>
/// A parity case: the same name keys the Python function in tests/parity/torch_parity.py. Tolerances are
/// float32-sized (|c# - torch| &lt;= atol + rtol·|torch|); integer and bool outputs must match exactly.
/// </summary>
public sealed record ParityCase(string Name, CaseKind Kind, InputSpec[] Inputs, Func<Tensor[], Tensor[]> Compute,
    double Rtol = ParityCase.DefaultRtol, double Atol = ParityCase.DefaultAtol)
{
    public const double DefaultRtol = 1e-5;
    public const double DefaultAtol = 1e-5;

    /// <summary>The manifest's kind: "GradCustom" cases are plain ops for the Python side.</summary>
    public string PythonKind => Kind switch { CaseKind.Grad => "grad", CaseKind.Print => "print", _ => "op" };

    /// <summary>Seed derived from the name (FNV-1a), stable across runs and processes, unlike string.GetHashCode.</summary>
    public int Seed
    {
        get
        {
            var hash = 2166136261u;
            foreach (var c in Name) hash = (hash ^ c) * 16777619u;
            return (int)(hash & 0x7fffffff);
        }
    }

    public override string ToString() => Name;
}

/// <summary>Raw little-endian encoding shared with the Python helper (numpy's tofile/fromfile).</summary>
public static class ParityData
{
    public static byte[] Encode(double[] values, ScalarType dtype)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("parity files are little-endian");
        return dtype switch
        {
            ScalarType.Float32 => Bytes(Array.ConvertAll(values, v => (float)v)),
            ScalarType.Float64 => Bytes(values),
            ScalarType.Float16 => Bytes(Array.ConvertAll(values, v => (Half)v)),
            ScalarType.Int64 => Bytes(Array.ConvertAll(values, v => (long)v)),
            ScalarType.Int32 => Bytes(Array.ConvertAll(values, v => (int)v)),
            ScalarType.Int16 => Bytes(Array.ConvertAll(values, v => (short)v)),
            ScalarType.Int8 => Bytes(Array.ConvertAll(values, v => (sbyte)v)),
            ScalarType.Byte => Bytes(Array.ConvertAll(values, v => (byte)v)),
            ScalarType.Bool => Bytes(Array.ConvertAll(values, v => v != 0)),
            _ => throw new NotSupportedException(dtype.ToString()),
        };
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static Tensor Decode(byte[] data, ScalarType dtype, long[] shape, bool requiresGrad = false)
    {
        var t = TensorFiles.FromBytes(data, dtype, shape);
        return requiresGrad ? t.requires_grad_() : t;
    }

    /// <summary>Every element as a double (exact for the integer ranges used here, and for float16/32).</summary>
    public static double[] ToDoubles(byte[] data, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => Array.ConvertAll(MemoryMarshal.Cast<byte, float>(data).ToArray(), v => (double)v),
        ScalarType.Float64 => MemoryMarshal.Cast<byte, double>(data).ToArray(),
        ScalarType.Float16 => Array.ConvertAll(MemoryMarshal.Cast<byte, Half>(data).ToArray(), v => (double)v),
        ScalarType.Int64 => Array.ConvertAll(MemoryMarshal.Cast<byte, long>(data).ToArray(), v => (double)v),
        ScalarType.Int32 => Array.ConvertAll(MemoryMarshal.Cast<byte, int>(data).ToArray(), v => (double)v),
        ScalarType.Int16 => Array.ConvertAll(MemoryMarshal.Cast<byte, short>(data).ToArray(), v => (double)v),
        ScalarType.Int8 => Array.ConvertAll(MemoryMarshal.Cast<byte, sbyte>(data).ToArray(), v => (double)v),
        ScalarType.Byte => Array.ConvertAll(data, v => (double)v),
        ScalarType.Bool => Array.ConvertAll(data, v => v != 0 ? 1.0 : 0.0),
        _ => throw new NotSupportedException(dtype.ToString()),
    };

    /// <summary>A C# result's elements as doubles, read in its own dtype (no conversion hides a dtype bug).</summary>
    public static double[] ToDoubles(Tensor t) => t.dtype switch
    {
        ScalarType.Float32 => Array.ConvertAll(t.ToArray<float>(), v => (double)v),
        ScalarType.Float64 => t.ToArray<double>(),
        ScalarType.Float16 => Array.ConvertAll(t.ToArray<Half>(), v => (double)v),
        ScalarType.Int64 => Array.ConvertAll(t.ToArray<long>(), v => (double)v),
        ScalarType.Int32 => Array.ConvertAll(t.ToArray<int>(), v => (double)v),
        ScalarType.Int16 => Array.ConvertAll(t.ToArray<short>(), v => (double)v),
        ScalarType.Int8 => Array.ConvertAll(t.ToArray<sbyte>(), v => (double)v),
        ScalarType.Byte => Array.ConvertAll(t.ToArray<byte>(), v => (double)v),
        ScalarType.Bool => Array.ConvertAll(t.ToArray<bool>(), v => v ? 1.0 : 0.0),
        _ => throw new NotSupportedException(t.dtype.ToString()),
    };
}
