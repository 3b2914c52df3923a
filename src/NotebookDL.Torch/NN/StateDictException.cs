namespace NotebookDL.Torch.Modules;

/// <summary>
/// <see cref="Module.load_state_dict"/> found keys or shapes that do not fit the module. The message lists all
/// of them, e.g. "Missing key(s): fc.bias. Unexpected key(s): head.weight."
/// </summary>
public sealed class StateDictException(string moduleName, IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys,
    IReadOnlyList<string> sizeMismatches) : Exception(Describe(moduleName, missingKeys, unexpectedKeys, sizeMismatches))
{
    /// <summary>Keys the module expects that the state dict lacks.</summary>
    public IReadOnlyList<string> missing_keys { get; } = missingKeys;

    /// <summary>Keys of the state dict that the module does not have.</summary>
    public IReadOnlyList<string> unexpected_keys { get; } = unexpectedKeys;

    /// <summary>One line per key whose tensor has another shape in the state dict than in the module.</summary>
    public IReadOnlyList<string> size_mismatches { get; } = sizeMismatches;

    private static string Describe(string moduleName, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatches)
    {
        var parts = new List<string> { $"Error(s) in loading state_dict for {moduleName}:" };
        if (missing.Count > 0) parts.Add($"Missing key(s) in state_dict: {string.Join(", ", missing)}.");
        if (unexpected.Count > 0) parts.Add($"Unexpected key(s) in state_dict: {string.Join(", ", unexpected)}.");
        parts.AddRange(mismatches.Select(m => $"Size mismatch for {m}."));
        return string.Join("\n\t", parts);
    }
}
