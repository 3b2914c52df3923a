using System.Reflection;

namespace NotebookDL.Torch.Modules;

/// <summary>
/// Base of every layer and model: holds the registered parameters, buffers and submodules, and implements
/// everything that only needs them (traversal with PyTorch's dotted names, train/eval, to(device), state dicts,
/// hooks). Subclasses add state and a <c>forward</c> (see <see cref="Module{TIn, TOut}"/>).
/// <para>
/// <b>Registration</b> lives only here, in three ordered slot tables (a slot may hold null, e.g. <c>bias</c> of a
/// layer built with <c>bias: false</c>; null slots are skipped by every traversal, as in PyTorch):
/// built-in layers call <see cref="register_parameter"/>, <see cref="register_buffer"/> and
/// <see cref="register_module"/> in their constructors and read the slots back through properties.
/// Custom models may instead keep plain fields: the first time the module is inspected (parameters(),
/// state_dict(), to(), train(), ...) <see cref="RegisterComponents"/> runs once and registers every field of a
/// <see cref="Module"/> type as a submodule and every <see cref="Tensor"/> field as a parameter (if it
/// requires grad) or a buffer, in declaration order, named after the field (a leading '_' and C# property
/// backing-field decoration are removed). Call it yourself at the end of the constructor to fix the moment.
/// </para>
/// Parameters and buffers are removed from any <see cref="DisposeScope"/> on registration, so a training loop's
/// scope never frees weights; <see cref="Dispose"/> frees them.
/// </summary>
public abstract partial class Module : IDisposable
{
    private readonly OrderedDictionary<string, Tensor?> _parameters = new();
    private readonly OrderedDictionary<string, Tensor?> _buffers = new();
    private readonly OrderedDictionary<string, Module?> _modules = new();
    private readonly HashSet<string> _nonPersistentBuffers = new();
    private bool _componentsRegistered;
    private bool _disposed;

    /// <summary>True in training mode (the default); dropout and batch norm behave differently in eval mode.</summary>
    public bool training { get; private set; } = true;

    /// <summary>Registers (or replaces, or with null clears) the parameter slot <paramref name="name"/>.</summary>
    public void register_parameter(string name, Tensor? param)
    {
        CheckSlotName(name, _parameters);
        if (param is not null)
        {
            if (!param.is_leaf)
                throw new ArgumentException(
                    $"Parameter '{name}' must be a leaf tensor (it was computed by {param.grad_fn}); register a .detach()ed copy.", nameof(param));
            param.DetachFromDisposeScope();
        }
        _parameters[name] = param;
    }

    /// <summary>
    /// Registers a buffer: state that is not trained but is saved in the state dict (e.g. running_mean),
    /// unless <paramref name="persistent"/> is false.
    /// </summary>
    public void register_buffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckSlotName(name, _buffers);
        tensor?.DetachFromDisposeScope();
        _buffers[name] = tensor;
        if (persistent) _nonPersistentBuffers.Remove(name);
        else _nonPersistentBuffers.Add(name);
    }

    /// <summary>Registers a submodule; its parameters appear under "<paramref name="name"/>.&lt;param&gt;".</summary>
    public void register_module(string name, Module? module)
    {
        CheckSlotName(name, _modules);
        if (ReferenceEquals(module, this)) throw new ArgumentException($"Module '{name}' cannot be registered as its own child.", nameof(module));
        _modules[name] = module;
    }

    /// <summary>The parameter in slot <paramref name="name"/> (null for an empty slot); throws for an unknown name.</summary>
    protected Tensor? GetParameter(string name) =>
        _parameters.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"{GetType().Name} has no parameter '{name}'.");

    /// <summary>The buffer in slot <paramref name="name"/> (null for an empty slot); throws for an unknown name.</summary>
    protected Tensor? GetBuffer(string name) =>
        _buffers.TryGetValue(name, out var b) ? b : throw new KeyNotFoundException($"{GetType().Name} has no buffer '{name}'.");

    /// <summary>The submodule in slot <paramref name="name"/> (null for an empty slot); throws for an unknown name.</summary>
    protected Module? GetModule(string name) =>
        _modules.TryGetValue(name, out var m) ? m : throw new KeyNotFoundException($"{GetType().Name} has no submodule '{name}'.");

    private void CheckSlotName(string name, object ownTable)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A parameter, buffer or module name cannot be empty.", nameof(name));
        if (name.Contains('.')) throw new ArgumentException($"Name '{name}' must not contain '.': dots separate the levels of state-dict keys.", nameof(name));
        if ((ownTable != _parameters && _parameters.ContainsKey(name)) ||
            (ownTable != _buffers && _buffers.ContainsKey(name)) ||
            (ownTable != _modules && _modules.ContainsKey(name)))
            throw new ArgumentException($"{GetType().Name} already has a parameter, buffer or module named '{name}'.", nameof(name));
    }

    /// <summary>
    /// Registers the fields of this module (see the class summary). Runs once; built-in layers have no
    /// tensor or module fields, so for them it is a no-op.
    /// </summary>
    protected void RegisterComponents()
    {
        if (_componentsRegistered) return;
        _componentsRegistered = true;
        var hierarchy = new List<Type>();
        for (var type = GetType(); type is not null && type != typeof(Module); type = type.BaseType) hierarchy.Add(type);
        hierarchy.Reverse(); // base-class fields first, as their constructors assign them first
        foreach (var type in hierarchy)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                switch (field.GetValue(this))
                {
                    case Module m when !IsRegistered(m):
                        register_module(FieldName(field), m);
                        break;
                    case Tensor t when !t.IsDisposed && !IsRegistered(t):
                        if (t.requires_grad) register_parameter(FieldName(field), t);
                        else register_buffer(FieldName(field), t);
                        break;
                }
            }
        }
    }

    private bool IsRegistered(Module m) => _modules.Values.Any(x => ReferenceEquals(x, m));

    private bool IsRegistered(Tensor t) =>
        _parameters.Values.Any(x => ReferenceEquals(x, t)) || _buffers.Values.Any(x => ReferenceEquals(x, t));

    private static string FieldName(FieldInfo field)
    {
        var name = field.Name;
        // Auto-properties compile to "<Name>k__BackingField".
        if (name.StartsWith('<') && name.IndexOf('>') is var end and > 1) name = name[1..end];
        return name.TrimStart('_');
    }

    /// <summary>Runs the lazy field registration; every public inspection goes through this first.</summary>
    private void EnsureRegistered()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_componentsRegistered) RegisterComponents();
    }

    /// <summary>Own slots, after lazy registration (used by traversal and state-dict code).</summary>
    internal OrderedDictionary<string, Tensor?> OwnParameters { get { EnsureRegistered(); return _parameters; } }

    internal OrderedDictionary<string, Tensor?> OwnBuffers { get { EnsureRegistered(); return _buffers; } }

    internal OrderedDictionary<string, Module?> OwnModules { get { EnsureRegistered(); return _modules; } }

    internal bool IsPersistentBuffer(string name) => !_nonPersistentBuffers.Contains(name);

    /// <summary>Sets training mode on this module and every submodule; returns this module.</summary>
    public Module train(bool mode = true)
    {
        foreach (var (_, m) in named_modules()) m.training = mode;
        return this;
    }

    /// <summary>Evaluation mode: dropout is off and batch norm uses its running statistics. Same as <c>train(false)</c>.</summary>
    public Module eval() => train(false);

    /// <summary>Calls <paramref name="fn"/> on every submodule (children first) and then on this module, as PyTorch's <c>apply</c>.</summary>
    public Module apply(Action<Module> fn)
    {
        foreach (var child in children()) child.apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Frees the parameters and buffers of this module and its submodules. The module is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        foreach (var m in named_modules().Select(x => x.module).ToList())
        {
            foreach (var t in m._parameters.Values.Concat(m._buffers.Values)) t?.Dispose();
            m._disposed = true;
        }
        GC.SuppressFinalize(this);
    }
}
