namespace NotebookDL.Inspect;

/// <summary>fastai's <c>Hooks</c>: one <see cref="Hook"/> per module, removed together by disposing.</summary>
public sealed class Hooks : IReadOnlyList<Hook>, IDisposable
{
    private readonly List<Hook> hooks;

    /// <param name="modules">The modules to hook, in order.</param>
    /// <param name="fn">As <see cref="Hook"/>'s.</param>
    /// <param name="isForward">As <see cref="Hook"/>'s.</param>
    /// <param name="detach">As <see cref="Hook"/>'s.</param>
    public Hooks(IEnumerable<nn.IModule<Tensor, Tensor>> modules, Func<nn.Module, Tensor, Tensor>? fn = null, bool isForward = true, bool detach = true)
    {
        ArgumentNullException.ThrowIfNull(modules);
        hooks = [];
        try
        {
            foreach (var module in modules) hooks.Add(new Hook(module, fn, isForward, detach));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Each hook's <see cref="Hook.Stored"/>, in module order.</summary>
    public IReadOnlyList<Tensor?> Stored => hooks.Select(h => h.Stored).ToList();

    public Hook this[int index] => hooks[index];

    public int Count => hooks.Count;

    public IEnumerator<Hook> GetEnumerator() => hooks.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => hooks.ForEach(h => h.Dispose());
}
