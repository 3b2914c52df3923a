using System.Text.Json.Nodes;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's tabular Normalize: each continuous column becomes (x - mean) / std with the training rows' mean and
/// population standard deviation (ddof 0) plus 1e-7, so a constant column does not divide by zero.
/// </summary>
public sealed class NormalizeProc : TabularProc
{
    private Dictionary<string, (double Mean, double Std)> stats = [];

    internal override int Order => 2;

    internal override string Name => "Normalize";

    /// <summary>Column -> (mean, std) fitted on the training rows.</summary>
    public IReadOnlyDictionary<string, (double Mean, double Std)> Stats => stats;

    internal override void Setup(TabularTable train)
    {
        stats = [];
        foreach (var name in train.ContNames)
        {
            var values = train.Conts[name].Where(v => !double.IsNaN(v)).ToArray();
            var mean = values.Length == 0 ? 0 : values.Average();
            var std = values.Length == 0 ? 1 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
            stats[name] = (mean, std + 1e-7);
        }
        IsSetUp = true;
    }

    internal override void Encode(TabularTable table)
    {
        CheckSetUp();
        foreach (var name in table.ContNames)
        {
            var (mean, std) = stats.TryGetValue(name, out var s) ? s
                : throw new InvalidOperationException($"Normalize: column \"{name}\" was not continuous when the procs were set up.");
            var values = table.Conts[name];
            for (var i = 0; i < values.Length; i++) values[i] = (values[i] - mean) / std;
        }
    }

    /// <summary>Undoes <see cref="Encode"/> for one column's value (for showing batches).</summary>
    public double Decode(string column, double value) => stats.TryGetValue(column, out var s) ? value * s.Std + s.Mean : value;

    internal override JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["stats"] = new JsonObject(stats.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray(kv.Value.Mean, kv.Value.Std)))),
    };

    internal static NormalizeProc FromJson(JsonObject json) => new()
    {
        stats = json["stats"]!.AsObject().ToDictionary(kv => kv.Key, kv => ((double)kv.Value![0]!, (double)kv.Value![1]!)),
        IsSetUp = true,
    };
}
