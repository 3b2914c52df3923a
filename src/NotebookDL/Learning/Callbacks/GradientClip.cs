
namespace NotebookDL.Learning;

/// <summary>
/// Rescales the gradients before each step so that their global norm is at most <paramref name="maxNorm"/>
/// (fastai's <c>GradientClip</c>, PyTorch's <c>clip_grad_norm_</c> semantics: one norm over all parameters).
/// </summary>
public sealed class GradientClip(double maxNorm = 1, double normType = 2) : Callback
{
    /// <summary>The total norm before clipping at the last step.</summary>
    public double LastNorm { get; private set; }

    public override void BeforeStep()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var grads = Learn.Model.parameters().Select(p => p.grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return;
        var norms = torch.stack(grads.Select(g => g.norm((float)normType)).ToList());
        LastNorm = norms.norm((float)normType).Item();
        // Same epsilon as PyTorch, so a zero gradient never divides by zero.
        var coefficient = maxNorm / (LastNorm + 1e-6);
        if (coefficient >= 1) return;
        foreach (var g in grads) g.mul_(coefficient);
    }
}
