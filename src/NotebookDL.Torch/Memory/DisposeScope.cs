namespace NotebookDL.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost scope, and disposes them when the
/// scope ends — so a training loop frees each step's intermediates deterministically instead of waiting for the
/// GC. Results that must outlive the scope are moved out with <see cref="Tensor.MoveToOuterDisposeScope"/> or
/// <see cref="Tensor.DetachFromDisposeScope"/>.
/// <example><code>
/// for (...) {
///     using var scope = torch.NewDisposeScope();
///     var loss = model.forward(x).sub(y).pow(2).mean();
///     loss.backward();
/// }   // every tensor of this step is freed here
/// </code></example>
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _current;

    private readonly List<Tensor> _tensors = new();
    private readonly DisposeScope? _outer;
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>The innermost scope of this thread, if any.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>How many tensors this scope still owns.</summary>
    public int Count => _tensors.Count(t => t.OwningScope == this);

    internal DisposeScope? Outer => _outer;

    internal static void Register(Tensor tensor)
    {
        var scope = _current;
        if (scope is null) return;
        scope.Add(tensor);
    }

    internal void Add(Tensor tensor)
    {
        tensor.OwningScope = this;
        _tensors.Add(tensor);
    }

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or to no scope) and returns it.</summary>
    public Tensor MoveToOuter(Tensor tensor) => tensor.MoveToOuterDisposeScope();

    /// <summary>Disposes every tensor still owned by this scope and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var tensor in _tensors)
        {
            // A tensor moved or detached since registration has another owner now (or none).
            if (tensor.OwningScope != this) continue;
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        _tensors.Clear();
        if (_current == this) _current = _outer;
    }
}
