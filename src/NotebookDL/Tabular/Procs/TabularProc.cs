using System.Text.Json.Nodes;

namespace NotebookDL.Tabular;

/// <summary>
/// fastai's TabularProc: state fitted once on the training rows (<see cref="Setup"/>), then applied unchanged to
/// training, validation, test and single rows (<see cref="Encode"/>). Procs run in <see cref="Order"/> whatever the
/// order they are given in: FillMissing (adds _na categories), Categorify, Normalize.
/// </summary>
public abstract class TabularProc
{
    /// <summary>Run order; lower first.</summary>
    internal abstract int Order { get; }

    /// <summary>Name under which an exported learner stores this proc.</summary>
    internal abstract string Name { get; }

    /// <summary>True once <see cref="Setup"/> ran.</summary>
    public bool IsSetUp { get; private protected set; }

    internal abstract void Setup(TabularTable train);

    internal abstract void Encode(TabularTable table);

    internal abstract JsonObject ToJson();

    /// <summary>Rebuilds a set-up proc saved by <see cref="ToJson"/>.</summary>
    internal static TabularProc Rebuild(JsonObject json) => (string?)json["name"] switch
    {
        "FillMissing" => FillMissingProc.FromJson(json),
        "Categorify" => CategorifyProc.FromJson(json),
        "Normalize" => NormalizeProc.FromJson(json),
        var name => throw new InvalidDataException($"Unknown tabular proc \"{name}\" in the exported learner."),
    };

    internal void CheckSetUp()
    {
        if (!IsSetUp) throw new InvalidOperationException($"{Name} must be set up on the training rows before it encodes.");
    }
}

/// <summary>The procs of the course: <c>procs: [Procs.FillMissing, Procs.Categorify, Procs.Normalize]</c> (each a new instance).</summary>
public static class Procs
{
    public static TabularProc FillMissing => new FillMissingProc();

    public static TabularProc Categorify => new CategorifyProc();

    public static TabularProc Normalize => new NormalizeProc();
}
