using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

/// <summary>A scalar passed by value to the shim (see NbdlScalar in src/native/src/common.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeScalar
{
    public readonly int Kind; // 0 floating, 1 integer, 2 bool
    public readonly double D;
    public readonly long I;

    private NativeScalar(int kind, double d, long i)
    {
        Kind = kind;
        D = d;
        I = i;
    }

    public static NativeScalar From(double value) => new(0, value, 0);
    public static NativeScalar From(long value) => new(1, 0, value);
    public static NativeScalar From(bool value) => new(2, 0, value ? 1 : 0);
}

/// <summary>One element of an indexing expression (see NbdlIndex in src/native/src/indexing.cpp).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeIndex
{
    public int Kind; // 0 int, 1 slice, 2 ellipsis, 3 none, 4 tensor, 5 bool
    public int Has;  // slice: bit 0 start given, bit 1 stop given
    public long A;
    public long B;
    public long C;
    public IntPtr Tensor;
}
