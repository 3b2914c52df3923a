namespace NotebookDL.Torch.Modules;

// Forward hooks: observers called after forward with (module, input, output), in registration order.
// Hooks are stored lazily: a module that never had one pays nothing but a null check per call.
public abstract partial class Module
{
    private List<Action<Module, object?, object?>>? _forwardHooks;

    /// <summary>
    /// Calls <paramref name="hook"/> after every <c>call</c> of this module, with the module, its input and its output
    /// (e.g. to capture activations for Grad-CAM). Dispose the returned handle to remove the hook.
    /// </summary>
    public IDisposable register_forward_hook(Action<Module, object?, object?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        (_forwardHooks ??= new()).Add(hook);
        return new HookHandle(() => _forwardHooks.Remove(hook));
    }

    /// <summary>True when at least one forward hook is registered.</summary>
    protected bool HasForwardHooks => _forwardHooks is { Count: > 0 };

    /// <summary>Runs the forward hooks on a snapshot, so that a hook may remove itself.</summary>
    protected void RunForwardHooks(object? input, object? output)
    {
        if (_forwardHooks is not { Count: > 0 } hooks) return;
        foreach (var hook in hooks.ToArray()) hook(this, input, output);
    }

    private sealed class HookHandle(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose()
        {
            _remove?.Invoke();
            _remove = null;
        }
    }
}
