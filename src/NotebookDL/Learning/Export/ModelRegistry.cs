using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace NotebookDL.Learning;

/// <summary>How to rebuild a model: a registered factory name and its JSON arguments.</summary>
public sealed record ModelSpec(string Factory, JsonObject Args);

/// <summary>
/// Named model factories. An exported learner stores weights only, so loading it needs to rebuild the architecture:
/// models created through <see cref="Create"/> remember their <see cref="ModelSpec"/>, which <c>Export</c> saves and
/// <c>Learner.Load</c> replays. The constraint: the factory must be registered (under the same name, producing the
/// same parameter names and shapes) in the process that loads the file.
/// <example><code>
/// ModelRegistry.Register("mlp", a => nn.Sequential(nn.Linear((int)a["in"]!, 32), nn.ReLU(), nn.Linear(32, (int)a["out"]!)));
/// var model = ModelRegistry.Create("mlp", new JsonObject { ["in"] = 2, ["out"] = 2 });
/// </code></example>
/// </summary>
public static class ModelRegistry
{
    private static readonly ConcurrentDictionary<string, Func<JsonObject, nn.Module<Tensor, Tensor>>> Factories = new();
    private static readonly ConditionalWeakTable<nn.Module, ModelSpec> Specs = new();

    /// <summary>Registers (or replaces) the factory called <paramref name="name"/>.</summary>
    public static void Register(string name, Func<JsonObject, nn.Module<Tensor, Tensor>> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Factories[name] = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    public static bool IsRegistered(string name) => Factories.ContainsKey(name);

    /// <summary>Builds a model with the factory <paramref name="name"/> and remembers how, for export.</summary>
    public static nn.Module<Tensor, Tensor> Create(string name, JsonObject? args = null)
    {
        if (!Factories.TryGetValue(name, out var factory))
            throw new KeyNotFoundException(
                $"No model factory named '{name}' is registered. Call ModelRegistry.Register(\"{name}\", args => ...) before creating or loading it. " +
                $"Registered: [{string.Join(", ", Factories.Keys.Order())}].");
        var spec = new ModelSpec(name, args is null ? new JsonObject() : (JsonObject)args.DeepClone());
        var model = factory((JsonObject)spec.Args.DeepClone());
        Specs.AddOrUpdate(model, spec);
        return model;
    }

    /// <summary>Records that <paramref name="model"/>, built another way (e.g. from a weights file), is rebuilt by <paramref name="spec"/>.</summary>
    internal static void Remember(nn.Module model, ModelSpec spec)
    {
        if (!Factories.ContainsKey(spec.Factory)) throw new KeyNotFoundException($"No model factory named '{spec.Factory}' is registered.");
        Specs.AddOrUpdate(model, spec with { Args = (JsonObject)spec.Args.DeepClone() });
    }

    /// <summary>The spec <paramref name="model"/> was created from, or null if it was built directly.</summary>
    public static ModelSpec? SpecOf(nn.Module model) => Specs.TryGetValue(model, out var spec) ? spec : null;
}
