using System.Globalization;
using System.Text.Json.Nodes;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's Categorify: each categorical column gets a vocabulary from the training rows — <c>#na#</c> at index 0,
/// then the distinct values sorted (numbers numerically, text ordinally) or in a given order for ordered
/// categories — and its values are replaced by their indices. Missing values and values never seen in training
/// map to 0 (#na#), so validation and new rows always encode.
/// </summary>
/// <param name="ordered">Column -> its categories in their meaningful order (e.g. sizes S, M, L); other columns are sorted.</param>
public sealed class CategorifyProc(IReadOnlyDictionary<string, IReadOnlyList<object>>? ordered = null) : TabularProc
{
    /// <summary>The name of the code for missing and unseen values.</summary>
    public const string NaName = "#na#";

    private Dictionary<string, List<object>> vocabs = [];
    private Dictionary<string, Dictionary<object, long>> index = [];

    internal override int Order => 1;

    internal override string Name => "Categorify";

    /// <summary>Column -> its categories; index i is code i + 1 (code 0 is #na#).</summary>
    public IReadOnlyDictionary<string, List<object>> Vocabs => vocabs;

    /// <summary>The display names of a column's codes: #na#, then each category as text.</summary>
    public IReadOnlyList<string> Classes(string column) =>
        [NaName, .. (vocabs.TryGetValue(column, out var v) ? v : throw new KeyNotFoundException($"Categorify has no column \"{column}\".")).Select(Text)];

    internal override void Setup(TabularTable train)
    {
        vocabs = [];
        foreach (var name in train.CatNames)
        {
            var given = ordered?.GetValueOrDefault(name);
            var values = given is not null
                ? given.Select(v => RowKey.Normalise(v)!).ToList()
                : train.Raw[name].OfType<object>().Distinct().Order(Comparer<object>.Create(RowKey.CompareValues)).ToList();
            vocabs[name] = values;
        }
        index = Codes(vocabs);
        IsSetUp = true;
    }

    internal override void Encode(TabularTable table)
    {
        CheckSetUp();
        foreach (var name in table.CatNames)
        {
            var map = index.TryGetValue(name, out var m) ? m
                : throw new InvalidOperationException($"Categorify: column \"{name}\" was not categorical when the procs were set up.");
            var raw = table.Raw[name];
            var codes = new long[raw.Length];
            for (var i = 0; i < raw.Length; i++) codes[i] = raw[i] is { } v && map.TryGetValue(v, out var code) ? code : 0;
            table.Codes[name] = codes;
        }
    }

    /// <summary>Value -> code per column, from the vocabularies (code 0 is #na#, so category i has code i + 1).</summary>
    private static Dictionary<string, Dictionary<object, long>> Codes(Dictionary<string, List<object>> vocabs) =>
        vocabs.ToDictionary(kv => kv.Key, kv => kv.Value.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => (long)p.i + 1));

    private static string Text(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";

    internal override JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["vocabs"] = new JsonObject(vocabs.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray(kv.Value.Select(ToNode).ToArray())))),
    };

    internal static CategorifyProc FromJson(JsonObject json)
    {
        var proc = new CategorifyProc
        {
            vocabs = json["vocabs"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(FromNode).ToList()),
            IsSetUp = true,
        };
        proc.index = Codes(proc.vocabs);
        return proc;
    }

    // Values keep their type through JSON: {"t": "long", "v": "12"}.
    private static JsonNode ToNode(object value) => new JsonObject
    {
        ["t"] = value switch { long => "long", double => "double", bool => "bool", DateTime => "date", _ => "string" },
        ["v"] = value is DateTime d ? d.ToString("O", CultureInfo.InvariantCulture) : Text(value),
    };

    private static object FromNode(JsonNode? node)
    {
        var v = (string)node!["v"]!;
        return (string?)node["t"] switch
        {
            "long" => long.Parse(v, CultureInfo.InvariantCulture),
            "double" => double.Parse(v, CultureInfo.InvariantCulture),
            "bool" => bool.Parse(v),
            "date" => DateTime.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ => v,
        };
    }
}
