using System.Text;

namespace NotebookDL.Torch.Modules;

// PyTorch's module printout: "Sequential(\n  (0): Linear(in_features=10, out_features=2, bias=True)\n)".
public abstract partial class Module
{
    /// <summary>The part inside the parentheses of this module's line, e.g. "in_features=10, out_features=2, bias=True".</summary>
    public virtual string extra_repr() => "";

    public override string ToString()
    {
        if (_disposed) return $"{GetType().Name}(disposed)";
        var children = named_children().ToList();
        if (children.Count == 0) return $"{GetType().Name}({extra_repr()})";
        var sb = new StringBuilder().Append(GetType().Name).Append('(');
        var extra = extra_repr();
        if (extra.Length > 0) sb.Append("\n  ").Append(extra);
        foreach (var (name, child) in children)
            sb.Append("\n  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  "));
        return sb.Append("\n)").ToString();
    }

    /// <summary>Python's spelling of a bool in repr strings.</summary>
    protected static string Py(bool value) => value ? "True" : "False";
}
