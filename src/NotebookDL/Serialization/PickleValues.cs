namespace NotebookDL.Serialization;

/// <summary>A Python callable reached through GLOBAL; REDUCE calls it with the argument tuple.</summary>
internal delegate object? PickleCallable(object?[] args);

/// <summary>
/// A Python dict or OrderedDict as unpickled: entries in insertion order (state-dict order matters), plus the
/// attributes a BUILD set on it (<c>state_dict()._metadata</c>).
/// </summary>
internal sealed class PickleDict
{
    public List<KeyValuePair<object?, object?>> Items { get; } = new();

    public Dictionary<string, object?> Attributes { get; } = new();
}

/// <summary>The class object of a typed storage (<c>torch.FloatStorage</c>), named in persistent ids.</summary>
internal sealed record StorageType(ScalarType Dtype, string Name);
