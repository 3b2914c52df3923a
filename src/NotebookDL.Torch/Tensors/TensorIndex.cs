using NotebookDL.Torch.Native;

namespace NotebookDL.Torch;

/// <summary>
/// One element of an indexing expression, as in PyTorch: an integer (<c>x[1]</c>), a range
/// (<c>x[1..3]</c>, <c>x[..]</c>, or <see cref="Slice"/> for steps), <see cref="Ellipsis"/>, <see cref="None"/>
/// (newaxis), a bool mask or an integer index tensor. C# <c>^1</c> counts from the end, like Python's <c>-1</c>.
/// </summary>
public readonly struct TensorIndex
{
    internal readonly int Kind; // see NativeIndex
    internal readonly int Has;
    internal readonly long A, B, C;
    internal readonly Tensor? Tensor;

    private TensorIndex(int kind, int has = 0, long a = 0, long b = 0, long c = 1, Tensor? tensor = null)
    {
        Kind = kind;
        Has = has;
        A = a;
        B = b;
        C = c;
        Tensor = tensor;
    }

    /// <summary>Python's <c>...</c>: as many full slices as needed.</summary>
    public static readonly TensorIndex Ellipsis = new(2);

    /// <summary>Python's <c>None</c> / <c>np.newaxis</c>: inserts a dimension of size 1.</summary>
    public static readonly TensorIndex None = new(3);

    /// <summary>Python's <c>:</c>.</summary>
    public static readonly TensorIndex Colon = new(1);

    /// <summary>Python's <c>start:stop:step</c>; null bounds mean "from the start" / "to the end"; negatives count from the end.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1)
    {
        if (step == 0) throw new ArgumentException("slice step cannot be zero", nameof(step));
        return new(1, (start.HasValue ? 1 : 0) | (stop.HasValue ? 2 : 0), start ?? 0, stop ?? 0, step);
    }

    public static TensorIndex Single(long index) => new(0, a: index);

    public static implicit operator TensorIndex(long index) => new(0, a: index);
    public static implicit operator TensorIndex(int index) => new(0, a: index);
    public static implicit operator TensorIndex(bool value) => new(5, a: value ? 1 : 0);
    public static implicit operator TensorIndex(Index index) => new(0, a: index.IsFromEnd ? -index.Value : index.Value);
    public static implicit operator TensorIndex(Tensor tensor) => new(4, tensor: tensor);

    public static implicit operator TensorIndex(Range range)
    {
        // Python's "x[-0:]" does not exist. C#'s "^0" as an end means "to the end"; as a start it means "from the
        // end", i.e. an empty range (Python's x[len(x):]): a start past the end, which libtorch clamps to the size.
        long? start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value;
        long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
        if (start == 0) start = null;
        return Slice(start, stop);
    }

    internal NativeIndex ToNative() => new()
    {
        Kind = Kind,
        Has = Has,
        A = A,
        B = B,
        C = C,
        Tensor = Tensor?.RawHandle ?? IntPtr.Zero,
    };
}
