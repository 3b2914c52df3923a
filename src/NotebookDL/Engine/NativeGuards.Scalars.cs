using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Engine;

/// <summary>
/// Scalar conversions: libtorch refuses a value that does not fit the target type ("value cannot be converted to type
/// int without overflow") with a C++ exception that TorchSharp 0.107's conversion entry points do not catch, so
/// <c>1e20.ToScalar().ToInt32()</c> ends the process. The checks are libtorch's own (c10's <c>overflows</c>): a
/// floating value must lie within the target's range (infinity and NaN pass to floating targets only); an integer
/// must lie within the range, where unsigned targets also take the negatives down to -max (they wrap, as in C++); a
/// complex value needs a zero imaginary part for a real target.
/// </summary>
public static partial class NativeGuards
{
    public static sbyte ToSByte(Scalar value) { CheckFits(value, "sbyte", sbyte.MinValue, sbyte.MaxValue, integral: true); return ScalarExtensionMethods.ToSByte(value); }
    public static byte ToByte(Scalar value) { CheckFits(value, "byte", byte.MinValue, byte.MaxValue, integral: true, unsigned: true); return ScalarExtensionMethods.ToByte(value); }
    public static short ToInt16(Scalar value) { CheckFits(value, "short", short.MinValue, short.MaxValue, integral: true); return ScalarExtensionMethods.ToInt16(value); }
    public static int ToInt32(Scalar value) { CheckFits(value, "int", int.MinValue, int.MaxValue, integral: true); return ScalarExtensionMethods.ToInt32(value); }
    public static long ToInt64(Scalar value) { CheckFits(value, "long", long.MinValue, long.MaxValue, integral: true); return ScalarExtensionMethods.ToInt64(value); }
    public static Half ToHalf(Scalar value) { CheckFits(value, "Half", (double)Half.MinValue, (double)Half.MaxValue); return ScalarExtensionMethods.ToHalf(value); }
    public static BFloat16 ToBFloat16(Scalar value) { CheckFits(value, "BFloat16", -3.3895313892515355e38, 3.3895313892515355e38); return ScalarExtensionMethods.ToBFloat16(value); }
    public static float ToSingle(Scalar value) { CheckFits(value, "float", float.MinValue, float.MaxValue); return ScalarExtensionMethods.ToSingle(value); }
    public static double ToDouble(Scalar value) { CheckFits(value, "double", double.MinValue, double.MaxValue); return ScalarExtensionMethods.ToDouble(value); }
    public static bool ToBoolean(Scalar value) { CheckFits(value, "bool", double.MinValue, double.MaxValue); return ScalarExtensionMethods.ToBoolean(value); }

    public static (float Real, float Imaginary) ToComplexFloat32(Scalar value)
    {
        CheckFits(value, "complex<float>", float.MinValue, float.MaxValue, complexTarget: true);
        return ScalarExtensionMethods.ToComplexFloat32(value);
    }

    private static void CheckFits(Scalar value, string target, double min, double max,
                                  bool integral = false, bool unsigned = false, bool complexTarget = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.Type;
        if (type is ScalarType.Bool) return;
        if (type is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64)
        {
            var c = ScalarExtensionMethods.ToComplexFloat64(value); // complex<double> holds any complex scalar
            if (!complexTarget && c.Imaginary != 0)
                throw new OverflowException($"The scalar {Text(c)} has an imaginary part; it cannot be converted to {target}.");
            CheckReal(c.Real, target, min, max, integral);
            if (complexTarget) CheckReal(c.Imaginary, target, min, max, integral);
            return;
        }
        if (type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64)
        {
            CheckReal(ScalarExtensionMethods.ToDouble(value), target, min, max, integral);
            return;
        }
        long whole = ScalarExtensionMethods.ToInt64(value);
        if (!integral)
        {
            CheckReal(whole, target, min, max, integral); // float16's range is smaller than long's
            return;
        }
        // Integral to integral: exact comparison in 128 bits, as c10 compares integers.
        Int128 v = whole, lo = (Int128)min, hi = (Int128)max;
        if (unsigned) lo = -hi;
        if (v < lo || v > hi)
            throw new OverflowException($"The scalar {v} does not fit {target} ({(long)min} to {(long)max}).");
    }

    private static void CheckReal(double v, string target, double min, double max, bool integral)
    {
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            if (integral) throw new OverflowException($"The scalar {v} cannot be converted to {target}.");
            return;
        }
        if (v < min || v > max)
            throw new OverflowException($"The scalar {v:R} does not fit {target} ({min:R} to {max:R}).");
    }

    private static string Text(Complex c) => $"({c.Real:R}{(c.Imaginary < 0 ? "-" : "+")}{Math.Abs(c.Imaginary):R}j)";
}
