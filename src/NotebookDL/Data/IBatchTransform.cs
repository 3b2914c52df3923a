
namespace NotebookDL.Data;

/// <summary>
/// A transform of a whole collated batch (fastai's batch_tfms): normalisation, and GPU-style augmentation
/// (affine_grid/grid_sample) that is cheaper per batch than per item. Runs on the consuming thread after the
/// batch has been moved to the loader's device, in the order given.
/// Ownership: <see cref="Apply"/> must not dispose its inputs; it returns new tensors or the inputs themselves,
/// and the loader frees whatever was replaced. Intermediates created inside it are freed by the loader's scope.
/// </summary>
public interface IBatchTransform
{
    /// <summary>Transforms x (B, C, H, W) and y (B); <paramref name="training"/> is false for validation (augmentations then do nothing).</summary>
    (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training);

    /// <summary>Undoes the transform for display (e.g. de-normalises). Returns a new tensor the caller owns; the default is an alias of x.</summary>
    Tensor Decode(Tensor x) => x.alias();
}
