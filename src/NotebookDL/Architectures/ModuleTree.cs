namespace NotebookDL.Architectures;

/// <summary>
/// PyTorch's <c>named_modules()</c> order: the module itself (name ""), then each child followed by its whole subtree.
/// TorchSharp's <c>named_modules()</c> leaves out the module itself and lists all children before any grandchild,
/// which reorders layer tables and misses a pooling layer that is itself the child being asked about.
/// </summary>
public static class ModuleTree
{
    public static IEnumerable<(string name, nn.Module module)> PreOrder(this nn.Module module, string prefix = "")
    {
        yield return (prefix, module);
        foreach (var (name, child) in module.named_children())
            foreach (var item in child.PreOrder(prefix.Length == 0 ? name : $"{prefix}.{name}"))
                yield return item;
    }
}
