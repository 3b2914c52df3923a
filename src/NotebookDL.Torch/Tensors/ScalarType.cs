namespace NotebookDL.Torch;

/// <summary>Element types; the values are libtorch's c10::ScalarType codes, passed to the shim as they are.</summary>
public enum ScalarType
{
    Byte = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Float16 = 5,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
    BFloat16 = 15,
}

/// <summary>Facts about dtypes used across the library (element sizes, .NET type mapping, names).</summary>
public static class ScalarTypes
{
    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    public static bool IsIntegral(this ScalarType type, bool includeBool = false) =>
        type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64
        || (includeBool && type == ScalarType.Bool);

    /// <summary>PyTorch's name, as printed in <c>dtype=torch.float64</c>.</summary>
    public static string TorchName(this ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Bool => "bool",
        ScalarType.BFloat16 => "bfloat16",
        _ => type.ToString(),
    };

    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The dtype that holds .NET values of type <typeparamref name="T"/>.</summary>
    public static ScalarType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32
        : typeof(T) == typeof(double) ? ScalarType.Float64
        : typeof(T) == typeof(long) ? ScalarType.Int64
        : typeof(T) == typeof(int) ? ScalarType.Int32
        : typeof(T) == typeof(short) ? ScalarType.Int16
        : typeof(T) == typeof(sbyte) ? ScalarType.Int8
        : typeof(T) == typeof(byte) ? ScalarType.Byte
        : typeof(T) == typeof(bool) ? ScalarType.Bool
        : typeof(T) == typeof(Half) ? ScalarType.Float16
        : throw new NotSupportedException(
            $"{typeof(T).Name} has no tensor dtype; use float, double, long, int, short, sbyte, byte, bool or Half.");

    /// <summary>Same as <see cref="Of{T}"/> for a runtime type (e.g. the element type of an array).</summary>
    public static ScalarType Of(Type type) =>
        type == typeof(float) ? ScalarType.Float32
        : type == typeof(double) ? ScalarType.Float64
        : type == typeof(long) ? ScalarType.Int64
        : type == typeof(int) ? ScalarType.Int32
        : type == typeof(short) ? ScalarType.Int16
        : type == typeof(sbyte) ? ScalarType.Int8
        : type == typeof(byte) ? ScalarType.Byte
        : type == typeof(bool) ? ScalarType.Bool
        : type == typeof(Half) ? ScalarType.Float16
        : throw new NotSupportedException(
            $"{type.Name} has no tensor dtype; use float, double, long, int, short, sbyte, byte, bool or Half.");
}
