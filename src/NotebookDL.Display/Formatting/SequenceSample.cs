using System.Collections;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// The first rows of a sequence plus how many were left out, read in one pass (a lazy sequence may not be
/// repeatable). Counting the rest stops at <see cref="CountLimit"/> so an endless sequence cannot hang the display.
/// </summary>
internal sealed class SequenceSample
{
    public const int MaxRows = 20;
    public const int CountLimit = 100_000;

    private SequenceSample(List<object?> items, int remaining, bool remainingIsLowerBound)
    {
        Items = items;
        Remaining = remaining;
        RemainingIsLowerBound = remainingIsLowerBound;
    }

    public List<object?> Items { get; }
    public int Remaining { get; }
    public bool RemainingIsLowerBound { get; }
    public int Total => Items.Count + Remaining;

    public static SequenceSample Take(IEnumerable sequence)
    {
        var items = new List<object?>();
        var remaining = 0;
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (items.Count < MaxRows && enumerator.MoveNext()) items.Add(enumerator.Current);
            if (sequence is ICollection collection) return new(items, collection.Count - items.Count, false);
            while (remaining < CountLimit && enumerator.MoveNext()) remaining++;
            return new(items, remaining, remaining == CountLimit);
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    /// <summary>"5 more rows" style note, or null when everything was shown.</summary>
    public string? MoreNote() => Remaining == 0 ? null
        : RemainingIsLowerBound ? $"{Remaining}+ more rows" : $"{Remaining} more rows";

    public string PlainText(string typeName)
    {
        var shown = string.Join(", ", Items.Select(ValueText.Of));
        var count = RemainingIsLowerBound ? $"{Total}+" : $"{Total}";
        return $"{typeName} ({count} items): [{shown}{(Remaining > 0 ? ", …" : "")}]";
    }
}
