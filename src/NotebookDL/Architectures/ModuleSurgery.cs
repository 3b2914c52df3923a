using System.Reflection;

namespace NotebookDL.Architectures;

/// <summary>
/// Swapping a child module, as PyTorch's <c>setattr(parent, name, child)</c> does (fastai's
/// <c>_update_first_layer</c>, replacing a classifier). A TorchSharp module calls its children through its own fields
/// and registers them once; a swap must change both: the field that holds the old child (any visibility, found by
/// reference) and the registration, replaced in place so that the children keep their order (fastai's body is "the
/// first n children"). TorchSharp has no public call for the latter; its registry is the protected ordered dictionary
/// <c>_internal_submodules</c>, whose indexer replaces a key where it stands.
/// </summary>
internal static class ModuleSurgery
{
    public static void SetChild(nn.Module parent, string name, nn.Module old, nn.Module child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (ReferenceEquals(old, child)) return;
        if (parent is Sequential)
            throw new NotSupportedException($"Cannot swap child '{name}' of a Sequential: TorchSharp's Sequential is fixed once built; build a new one.");
        var field = Fields(parent.GetType()).FirstOrDefault(f => ReferenceEquals(f.GetValue(parent), old))
            ?? throw new InvalidOperationException($"{parent.GetType().Name} keeps child '{name}' in no field, so it cannot be swapped.");
        if (!field.FieldType.IsInstanceOfType(child))
            throw new ArgumentException($"{parent.GetType().Name}.{field.Name} holds a {field.FieldType.Name}, not a {child.GetType().Name}.", nameof(child));
        if (Registry?.GetValue(parent) is not TorchSharp.Utils.OrderedDict<string, nn.Module> children || !children.ContainsKey(name))
            throw new InvalidOperationException($"{parent.GetType().Name} has no registered child '{name}'.");
        // Both checks passed: swap the field and the registration together, never one without the other.
        field.SetValue(parent, child);
        children[name] = child;
    }

    private static readonly FieldInfo? Registry =
        typeof(nn.Module).GetField("_internal_submodules", BindingFlags.Instance | BindingFlags.NonPublic);

    private static IEnumerable<FieldInfo> Fields(Type? type)
    {
        for (; type is not null && type != typeof(nn.Module); type = type.BaseType)
            foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (typeof(nn.Module).IsAssignableFrom(f.FieldType)) yield return f;
    }
}
