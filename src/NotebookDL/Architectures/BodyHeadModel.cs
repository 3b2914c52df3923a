namespace NotebookDL.Architectures;

/// <summary>
/// fastai's vision model, <c>Sequential(body, head)</c>: state-dict keys "0.*" (body) and "1.*" (head), as fastai saves
/// them. A class of its own rather than a TorchSharp Sequential (which is fixed once built) so that the course's
/// precompute can train the head on cached body activations: while <see cref="BodyBypassed"/> is set, forward takes
/// those activations and skips the body, and the parameters, state dict and layer groups stay the whole model's.
/// </summary>
public sealed class BodyHeadModel : nn.Module<Tensor, Tensor>
{
    public BodyHeadModel(Sequential body, Sequential head) : base("Sequential")
    {
        Body = body ?? throw new ArgumentNullException(nameof(body));
        Head = head ?? throw new ArgumentNullException(nameof(head));
        register_module("0", body);
        register_module("1", head);
    }

    /// <summary>The feature extractor (a cut pretrained network).</summary>
    public Sequential Body { get; }

    /// <summary>The classifier built on the body's features.</summary>
    public Sequential Head { get; }

    /// <summary>When true, forward's input is already the body's output (precomputed activations).</summary>
    public bool BodyBypassed { get; set; }

    public override Tensor forward(Tensor x) => Head.call(BodyBypassed ? x : Body.call(x));
}
