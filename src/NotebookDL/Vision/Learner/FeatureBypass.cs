using NotebookDL.Torch;
using NotebookDL.Torch.Modules;

namespace NotebookDL.Vision;

/// <summary>
/// Stands in for a frozen body while the head trains on precomputed activations: its forward returns its input (the
/// cached activations) unchanged. It registers the body's own children under the same names, so the model's
/// parameters, state-dict keys and optimizer groups are exactly those of the real model (lr_find's snapshot and
/// restore, and saving, keep working during a precomputed fit).
/// </summary>
internal sealed class FeatureBypass : Module<Tensor, Tensor>
{
    public FeatureBypass(Sequential body)
    {
        // Field registration first and once: the Body property must not become a child (its keys would be "Body.*").
        RegisterComponents();
        foreach (var (name, child) in body.named_children()) register_module(name, child);
        Body = body;
    }

    /// <summary>The body this bypass replaces (put back after the fit).</summary>
    public Sequential Body { get; }

    /// <summary>The input: activations the body already computed.</summary>
    public override Tensor forward(Tensor input) => input;
}
