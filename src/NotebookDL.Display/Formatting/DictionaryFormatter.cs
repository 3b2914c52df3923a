using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookDL.Display.Formatting;

/// <summary>Dictionaries (generic, read-only or legacy) as a two-column key/value table.</summary>
internal static class DictionaryFormatter
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Key, PropertyInfo Value)?> PairAccessors = new();

    public static MimeBundle Format(IEnumerable dictionary)
    {
        var sample = SequenceSample.Take(dictionary);
        var table = new HtmlTable(["key", "value"]);
        var pairs = new List<string>();
        foreach (var entry in sample.Items)
        {
            var (key, value) = Split(entry);
            table.AddRow([ValueText.Of(key), ValueText.Of(value)]);
            pairs.Add($"[{ValueText.Of(key)}] = {ValueText.Of(value)}");
        }
        table.Note = sample.MoreNote();

        var count = sample.RemainingIsLowerBound ? $"{sample.Total}+" : $"{sample.Total}";
        var plain = $"{TypeNames.Friendly(dictionary.GetType())} ({count} entries): {{ {string.Join(", ", pairs)}{(sample.Remaining > 0 ? ", …" : "")} }}";
        return MimeBundle.PlainText(plain).With(MimeBundle.TextHtml, table.ToHtml());
    }

    // Entries are DictionaryEntry (legacy IDictionary) or KeyValuePair<K,V> of unknown K and V.
    private static (object? Key, object? Value) Split(object? entry)
    {
        if (entry is DictionaryEntry legacy) return (legacy.Key, legacy.Value);
        if (entry is null) return (null, null);
        var accessors = PairAccessors.GetOrAdd(entry.GetType(), static t =>
        {
            var key = t.GetProperty("Key");
            var value = t.GetProperty("Value");
            return key is null || value is null ? null : (key, value);
        });
        return accessors is { } a ? (a.Key.GetValue(entry), a.Value.GetValue(entry)) : (entry, null);
    }
}
