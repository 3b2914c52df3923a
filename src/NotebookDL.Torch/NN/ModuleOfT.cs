namespace NotebookDL.Torch.Modules;

/// <summary>
/// A module with a typed forward pass. Implement <see cref="forward"/>; run the module with <see cref="call"/>,
/// which also fires the forward hooks (calling <c>forward</c> directly skips them, as in PyTorch).
/// </summary>
/// <example><code>
/// sealed class Mlp : Module&lt;Tensor, Tensor&gt;
/// {
///     private readonly Module&lt;Tensor, Tensor&gt; fc1 = nn.Linear(10, 32), fc2 = nn.Linear(32, 2);
///     public override Tensor forward(Tensor x) => fc2.call(fc1.call(x).relu());
/// }
/// </code></example>
public abstract class Module<TIn, TOut> : Module
{
    public abstract TOut forward(TIn input);

    /// <summary>Runs <see cref="forward"/> and then the forward hooks.</summary>
    public TOut call(TIn input)
    {
        var output = forward(input);
        if (HasForwardHooks) RunForwardHooks(input, output);
        return output;
    }

    /// <summary>A typed forward hook; dispose the returned handle to remove it.</summary>
    public IDisposable register_forward_hook(Action<Module<TIn, TOut>, TIn, TOut> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return base.register_forward_hook((m, i, o) => hook((Module<TIn, TOut>)m, (TIn)i!, (TOut)o!));
    }

    public new Module<TIn, TOut> train(bool mode = true) => (Module<TIn, TOut>)base.train(mode);

    public new Module<TIn, TOut> eval() => (Module<TIn, TOut>)base.eval();

    public new Module<TIn, TOut> to(Device device) => (Module<TIn, TOut>)base.to(device);

    public new Module<TIn, TOut> to(ScalarType dtype) => (Module<TIn, TOut>)base.to(dtype);
}
