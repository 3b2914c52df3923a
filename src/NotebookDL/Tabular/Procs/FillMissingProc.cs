using System.Text.Json.Nodes;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>How <see cref="FillMissingProc"/> chooses a column's fill value.</summary>
public enum FillStrategy
{
    /// <summary>The training rows' median (fastai's default).</summary>
    Median,

    /// <summary>The training rows' most frequent value.</summary>
    Mode,

    /// <summary>A constant.</summary>
    Constant,
}

/// <summary>
/// fastai's FillMissing: each continuous column that has missing values in the training rows is filled with the
/// training median (or mode, or a constant), and a categorical column <c>{name}_na</c> (true where the value was
/// missing) is added, so the model can learn that missingness itself says something. A column complete in training
/// but with gaps later cannot be filled consistently and throws, naming it.
/// </summary>
public sealed class FillMissingProc(FillStrategy strategy = FillStrategy.Median, double fillValue = 0, bool addCol = true) : TabularProc
{
    private Dictionary<string, double> fills = [];

    internal override int Order => 0;

    internal override string Name => "FillMissing";

    /// <summary>Column -> the value its gaps get (after setup).</summary>
    public IReadOnlyDictionary<string, double> FillValues => fills;

    internal override void Setup(TabularTable train)
    {
        fills = [];
        foreach (var name in train.ContNames)
        {
            var present = train.Conts[name].Where(v => !double.IsNaN(v)).ToArray();
            if (present.Length == train.Rows) continue;
            fills[name] = strategy switch
            {
                FillStrategy.Median => present.Length == 0 ? fillValue : FrameExtensions.Quantile([.. present.Order()], 0.5),
                FillStrategy.Mode => present.Length == 0 ? fillValue : present.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                _ => fillValue,
            };
        }
        IsSetUp = true;
        if (addCol)
            foreach (var name in fills.Keys)
                if (!train.CatNames.Contains(name + "_na")) train.CatNames.Add(name + "_na");
    }

    internal override void Encode(TabularTable table)
    {
        CheckSetUp();
        foreach (var name in table.ContNames)
        {
            var values = table.Conts[name];
            var hasFill = fills.TryGetValue(name, out var fill);
            if (!hasFill)
            {
                var gap = Array.FindIndex(values, double.IsNaN);
                if (gap >= 0)
                    throw new InvalidOperationException(
                        $"FillMissing: continuous column \"{name}\" has a missing value (row {gap} of this set) but had none in the training rows, " +
                        "so no fill value was fitted. Fill it before building the data, or make the training rows include such a gap.");
                continue;
            }
            if (addCol)
            {
                table.Raw[name + "_na"] = values.Select(v => (object?)double.IsNaN(v)).ToArray();
                if (!table.CatNames.Contains(name + "_na")) table.CatNames.Add(name + "_na");
            }
            for (var i = 0; i < values.Length; i++) if (double.IsNaN(values[i])) values[i] = fill;
        }
    }

    internal override JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["strategy"] = strategy.ToString(),
        ["fillValue"] = fillValue,
        ["addCol"] = addCol,
        ["fills"] = new JsonObject(fills.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    };

    internal static FillMissingProc FromJson(JsonObject json) =>
        new(Enum.Parse<FillStrategy>((string)json["strategy"]!), (double)json["fillValue"]!, (bool)json["addCol"]!)
        {
            fills = json["fills"]!.AsObject().ToDictionary(kv => kv.Key, kv => (double)kv.Value!),
            IsSetUp = true,
        };
}
