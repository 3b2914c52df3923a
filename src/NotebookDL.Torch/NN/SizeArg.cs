namespace NotebookDL.Torch;

/// <summary>
/// A size-like argument (kernel size, stride, padding, ...) given as one number for every spatial dimension
/// (<c>stride: 2</c>), a tuple (<c>kernel_size: (3, 1)</c>) or an array, like PyTorch's <c>int or tuple</c>.
/// <c>default</c> means "not given": each op then applies PyTorch's default.
/// </summary>
public readonly struct SizeArg
{
    private readonly long[]? _values;

    public SizeArg(params long[] values) => _values = values;

    /// <summary>True when the argument was not given.</summary>
    public bool IsDefault => _values is null;

    public static implicit operator SizeArg(long value) => new([value]);
    public static implicit operator SizeArg(long[] values) => new(values);
    public static implicit operator SizeArg((int, int) values) => new([values.Item1, values.Item2]);
    public static implicit operator SizeArg((long, long) values) => new([values.Item1, values.Item2]);

    /// <summary>The values for <paramref name="dims"/> dimensions; <paramref name="fallback"/> when not given.</summary>
    internal long[] Expand(int dims, string name, long fallback)
    {
        if (_values is null) return Enumerable.Repeat(fallback, dims).ToArray();
        if (_values.Length == 1) return Enumerable.Repeat(_values[0], dims).ToArray();
        if (_values.Length == dims) return (long[])_values.Clone();
        throw new ArgumentException($"{name} needs 1 or {dims} values, got {_values.Length}: ({string.Join(", ", _values)}).", name);
    }

    /// <summary>As <see cref="Expand(int, string, long)"/>, with another size as fallback (pooling's stride defaults to the kernel size).</summary>
    internal long[] Expand(int dims, string name, SizeArg fallback) => IsDefault ? fallback.Expand(dims, name, 0) : Expand(dims, name, 0);

    public override string ToString() => _values is null ? "default" : _values.Length == 1 ? _values[0].ToString() : $"({string.Join(", ", _values)})";
}
