using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

/// <summary>
/// A number passed to an op (<c>x + 1</c>, <c>x.clamp(0, 6)</c>); integers stay integers so that int64 tensors
/// keep exact values and PyTorch's type promotion applies (int tensor + 1 stays int, + 1.5 becomes float).
/// </summary>
public readonly struct Scalar
{
    private readonly double _double;
    private readonly long _long;
    private readonly byte _kind; // 0 floating, 1 integer, 2 bool

    private Scalar(double d, long l, byte kind)
    {
        _double = d;
        _long = l;
        _kind = kind;
    }

    public bool IsFloatingPoint => _kind == 0;

    /// <summary>The dtype PyTorch infers from this value alone: float32 (the default dtype), int64 or bool.</summary>
    internal ScalarType InferredDtype => _kind switch { 0 => ScalarType.Float32, 1 => ScalarType.Int64, _ => ScalarType.Bool };

    public double ToDouble() => _kind == 0 ? _double : _long;

    public long ToInt64() => _kind == 0 ? (long)_double : _long;

    public static implicit operator Scalar(double value) => new(value, 0, 0);
    public static implicit operator Scalar(float value) => new(value, 0, 0);
    public static implicit operator Scalar(Half value) => new((double)value, 0, 0);
    public static implicit operator Scalar(long value) => new(0, value, 1);
    public static implicit operator Scalar(int value) => new(0, value, 1);
    public static implicit operator Scalar(bool value) => new(0, value ? 1 : 0, 2);

    internal NativeScalar ToNative() => _kind switch
    {
        0 => NativeScalar.From(_double),
        1 => NativeScalar.From(_long),
        _ => NativeScalar.From(_long != 0),
    };

    public override string ToString() => _kind switch
    {
        0 => _double.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => _long.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => _long != 0 ? "True" : "False",
    };
}
