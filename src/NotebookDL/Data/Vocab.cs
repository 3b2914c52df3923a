using System.Collections;

namespace NotebookDL.Data;

/// <summary>
/// The class names of a classification task, sorted (ordinal), with the index of each: index i is the model's
/// output i. Sorting makes the mapping independent of the order files were found in; <see cref="InOrder"/> keeps a
/// given order instead.
/// </summary>
public sealed class Vocab : IReadOnlyList<string>
{
    private readonly string[] items;
    private readonly Dictionary<string, int> index;

    /// <summary>The distinct values of <paramref name="labels"/>, sorted.</summary>
    public Vocab(IEnumerable<string> labels)
        : this(Sorted(labels))
    {
    }

    private Vocab(string[] items)
    {
        this.items = items;
        index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
            if (!index.TryAdd(items[i], i)) throw new ArgumentException($"Class \"{items[i]}\" is listed twice.", nameof(items));
    }

    /// <summary>
    /// The classes in the order given, class i at index i: for labels that are already indices into a known list (a
    /// data set's own class order, as Fashion-MNIST's).
    /// </summary>
    public static Vocab InOrder(IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return new(classes.ToArray());
    }

    private static string[] Sorted(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
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
