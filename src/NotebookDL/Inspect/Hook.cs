namespace NotebookDL.Inspect;

/// <summary>
/// fastai's <c>Hook</c> over a TorchSharp module: after every forward pass of <see cref="Module"/>, <see cref="Stored"/>
/// holds what the hook function made of the module's output (the output itself by default). With
/// <c>isForward: false</c> it holds the gradient of that output after <c>backward()</c> instead. Dispose it to remove
/// the hook: the module then runs exactly as before, and the stored tensor is freed.
/// </summary>
/// <example><code>
/// using var hook = HookOutput(model[0]);   // or new Hook(module, (m, o) => o.mean())
/// model.call(x);
/// hook.Stored   // model[0]'s output on x
/// </code></example>
public sealed class Hook : IDisposable
{
    private readonly nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover remover;
    private readonly Func<nn.Module, Tensor, Tensor> fn;
    private readonly bool detach;
    private Tensor? stored;
    private Tensor? output;
    private bool removed;

    /// <param name="module">A layer of the model (as <c>model[0]</c> returns it).</param>
    /// <param name="fn">What to keep, from the module and its output (forward) or the output's gradient (backward); the output itself when null.</param>
    /// <param name="isForward">Keep from the output (true) or from its gradient after backward (false).</param>
    /// <param name="detach">Keep the forward value out of the autograd graph (true), or keep it in the graph so that
    /// gradients can be taken with respect to it, as Grad-CAM does (false).</param>
    public Hook(nn.IModule<Tensor, Tensor> module, Func<nn.Module, Tensor, Tensor>? fn = null, bool isForward = true, bool detach = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module is not nn.Module<Tensor, Tensor> layer)
            throw new ArgumentException($"Only TorchSharp modules can be hooked; {module.GetType().Name} is not one.", nameof(module));
        Module = layer;
        IsForward = isForward;
        this.fn = fn ?? ((_, t) => t);
        this.detach = detach;
        remover = layer.register_forward_hook((_, _, result) => isForward ? OnForward(result) : KeepForGradient(result));
    }

    /// <summary>The hooked module.</summary>
    public nn.Module Module { get; }

    /// <summary>Whether the hook keeps outputs (true) or their gradients (false).</summary>
    public bool IsForward { get; }

    /// <summary>
    /// The kept value of the last forward pass (forward hooks), or the hook function applied to the gradient of the last
    /// output (backward hooks: null until backward has reached the module).
    /// </summary>
    public Tensor? Stored => IsForward ? stored : StoredGradient();

    private Tensor OnForward(Tensor result)
    {
        var kept = fn(Module, result);
        stored?.Dispose();
        if (detach)
        {
            stored = kept.detach().DetachFromDisposeScope();
            if (!ReferenceEquals(kept, result)) kept.Dispose();
            return result;
        }
        if (!ReferenceEquals(kept, result))
        {
            stored = kept.DetachFromDisposeScope();
            return result;
        }
        // The graph-attached output itself is kept: the hook owns this handle and hands the rest of the model an alias
        // of it (same storage, same graph), so neither side can free the other's tensor.
        stored = result.DetachFromDisposeScope();
        return result.alias();
    }

    private Tensor KeepForGradient(Tensor result)
    {
        output?.Dispose();
        if (result.requires_grad) result.retain_grad();
        output = result.DetachFromDisposeScope();
        return result.alias();
    }

    private Tensor? StoredGradient()
    {
        if (output?.grad is not { } grad) return null;
        var kept = fn(Module, grad);
        stored?.Dispose();
        stored = kept.detach().DetachFromDisposeScope();
        return stored;
    }

    /// <summary>Removes the hook and frees what it kept.</summary>
    public void Dispose()
    {
        if (removed) return;
        removed = true;
        remover.remove();
        stored?.Dispose();
        output?.Dispose();
        (stored, output) = (null, null);
    }
}
