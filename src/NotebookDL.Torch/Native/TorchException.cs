namespace NotebookDL.Torch;

/// <summary>What kind of libtorch error a <see cref="TorchException"/> carries (libtorch's c10 error classes).</summary>
public enum TorchErrorKind
{
    Generic = 0,
    Index = 1,
    Value = 2,
    Type = 3,
    NotImplemented = 4,
    OutOfMemory = 5,
}

/// <summary>
/// An error reported by libtorch (shape mismatch, bad dtype, out-of-range index, ...). The message is
/// libtorch's own, e.g. "mat1 and mat2 shapes cannot be multiplied (3x4 and 3x4)".
/// </summary>
public class TorchException : Exception
{
    public TorchException(string message, TorchErrorKind kind = TorchErrorKind.Generic) : base(message) => Kind = kind;

    public TorchException(string message, Exception inner) : base(message, inner) => Kind = TorchErrorKind.Generic;

    public TorchErrorKind Kind { get; }
}

/// <summary>An index outside a dimension's range (libtorch's IndexError).</summary>
public sealed class TorchIndexException(string message) : TorchException(message, TorchErrorKind.Index);

/// <summary>A tensor or buffer could not be allocated. The process and all other tensors are intact.</summary>
public sealed class TorchOutOfMemoryException(string message) : TorchException(message, TorchErrorKind.OutOfMemory);
