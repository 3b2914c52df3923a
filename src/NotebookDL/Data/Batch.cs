
namespace NotebookDL.Data;

/// <summary>
/// One mini-batch: input <see cref="X"/> (B, ...) and targets <see cref="Y"/> (B). Ownership rule: whoever receives
/// a batch from a <see cref="BatchLoader"/> owns it and must dispose it (which frees both tensors); the loader keeps
/// no reference. Its tensors belong to no <see cref="DisposeScope"/>, so a per-step scope in the training loop does
/// not free them behind the consumer's back.
/// <example><code>
/// foreach (var batch in dls.Train)
/// {
///     using (batch) { var (x, y) = batch; ... }
/// }
/// </code></example>
/// </summary>
public sealed record Batch(Tensor X, Tensor Y) : IDisposable
{
    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }

    public override string ToString() =>
        X.IsInvalid ? "Batch (disposed)" : $"Batch(X [{string.Join(", ", X.shape)}] {X.dtype}, Y [{string.Join(", ", Y.shape)}] {Y.dtype})";
}
