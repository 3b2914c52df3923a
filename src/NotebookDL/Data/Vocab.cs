using System.Collections;

namespace NotebookDL.Data;

/// <summary>
/// The class names of a classification task, sorted (ordinal), with the index of each: index i is the model's
/// output i. Sorting makes the mapping independent of the order files were found in.
/// </summary>
public sealed class Vocab : IReadOnlyList<string>
{
    private readonly string[] items;
    private readonly Dictionary<string, int> index;

    /// <summary>The distinct values of <paramref name="labels"/>, sorted.</summary>
    public Vocab(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        items = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++) index[items[i]] = i;
    }

    public int Count => items.Length;

    public string this[int i] => items[i];

    /// <summary>The index of <paramref name="label"/>; throws naming the known labels if it is not in the vocab.</summary>
    public int IndexOf(string label) => index.TryGetValue(label, out var i)
        ? i
        : throw new KeyNotFoundException($"Label \"{label}\" is not in the vocab ({Preview()}).");

    public bool Contains(string label) => index.ContainsKey(label);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Vocab({Count}): {Preview()}";

    private string Preview() => string.Join(", ", items.Take(10)) + (items.Length > 10 ? ", ..." : "");
}
