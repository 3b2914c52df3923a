using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace NotebookDL.Learning;

/// <summary>
/// Turns one raw item into the model's input (without the batch dimension) for <c>Predict</c>. It is saved by
/// name and JSON arguments in exported learners and rebuilt through <see cref="ItemTransforms"/> when loading.
/// </summary>
public interface IItemTransform
{
    /// <summary>Registered factory name.</summary>
    string Name { get; }

    /// <summary>The arguments <see cref="ItemTransforms.Create"/> needs to rebuild this transform.</summary>
    JsonObject ToJson();

    Tensor Apply(Tensor item);
}

/// <summary>Factories of <see cref="IItemTransform"/>s by name; "Normalize" is built in.</summary>
public static class ItemTransforms
{
    private static readonly ConcurrentDictionary<string, Func<JsonObject, IItemTransform>> Factories = new()
    {
        ["Normalize"] = json => NormalizeItem.FromJson(json),
    };

    public static void Register(string name, Func<JsonObject, IItemTransform> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Factories[name] = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    public static IItemTransform Create(string name, JsonObject args) =>
        Factories.TryGetValue(name, out var factory) ? factory(args)
            : throw new KeyNotFoundException($"No item transform named '{name}' is registered; call ItemTransforms.Register(\"{name}\", ...) before loading.");
}

/// <summary>(item - mean) / std with per-feature statistics along the item's first dimension.</summary>
public sealed class NormalizeItem(double[] mean, double[] std) : IItemTransform
{
    public double[] Mean { get; } = mean;

    public double[] Std { get; } = std;

    public string Name => "Normalize";

    public JsonObject ToJson() => new()
    {
        ["mean"] = new JsonArray(Mean.Select(v => (JsonNode?)v).ToArray()),
        ["std"] = new JsonArray(Std.Select(v => (JsonNode?)v).ToArray()),
    };

    public static NormalizeItem FromJson(JsonObject json) =>
        new(json["mean"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray(), json["std"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray());

    public Tensor Apply(Tensor item)
    {
        // Shape (features, 1, ..., 1) so the statistics broadcast over any trailing dimensions.
        var shape = new long[Math.Max(1, item.ndim)];
        Array.Fill(shape, 1L);
        shape[0] = Mean.Length;
        using var mean = torch.tensor(Mean, shape, dtype: item.dtype);
        using var std = torch.tensor(Std, shape, dtype: item.dtype);
        using var centred = item.sub(mean);
        return centred.div(std);
    }
}
