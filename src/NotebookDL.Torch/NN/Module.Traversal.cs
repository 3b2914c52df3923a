namespace NotebookDL.Torch.Modules;

// Walking the module tree with PyTorch's dotted names ("0.weight", "layer1.0.bn1.running_mean").
// Like PyTorch, a module or tensor reachable twice (shared weights) is listed once, under its first name.
public abstract partial class Module
{
    /// <summary>Direct submodules with their slot names, skipping empty slots.</summary>
    public IEnumerable<(string name, Module module)> named_children()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        foreach (var (name, m) in OwnModules)
            if (m is not null && seen.Add(m)) yield return (name, m);
    }

    public IEnumerable<Module> children() => named_children().Select(x => x.module);

    /// <summary>This module (name "") and every submodule, depth first in registration order.</summary>
    public IEnumerable<(string name, Module module)> named_modules() =>
        NamedModules(new HashSet<Module>(ReferenceEqualityComparer.Instance), "");

    public IEnumerable<Module> modules() => named_modules().Select(x => x.module);

    private IEnumerable<(string name, Module module)> NamedModules(HashSet<Module> seen, string prefix)
    {
        if (!seen.Add(this)) yield break;
        yield return (prefix, this);
        foreach (var (name, m) in OwnModules)
        {
            if (m is null) continue;
            foreach (var item in m.NamedModules(seen, Join(prefix, name))) yield return item;
        }
    }

    /// <summary>Every parameter with its dotted name; only this module's own when <paramref name="recurse"/> is false.</summary>
    public IEnumerable<(string name, Tensor param)> named_parameters(bool recurse = true) => NamedTensors(m => m.OwnParameters, recurse);

    /// <summary>Every parameter (what an optimizer takes): <c>optim.SGD(model.parameters(), lr: 0.1)</c>.</summary>
    public IEnumerable<Tensor> parameters(bool recurse = true) => named_parameters(recurse).Select(x => x.param);

    /// <summary>Every buffer (running statistics, counters) with its dotted name.</summary>
    public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) => NamedTensors(m => m.OwnBuffers, recurse);

    public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(x => x.buffer);

    private IEnumerable<(string name, Tensor tensor)> NamedTensors(Func<Module, OrderedDictionary<string, Tensor?>> table, bool recurse)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var modules = recurse ? named_modules() : [("", this)];
        foreach (var (prefix, m) in modules)
            foreach (var (name, t) in table(m))
                if (t is not null && seen.Add(t)) yield return (Join(prefix, name), t);
    }

    internal static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
