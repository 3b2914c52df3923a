
namespace NotebookDL.Vision;

/// <summary>
/// A transform of one decoded image (fastai's item_tfms), run on loader worker threads before collation.
/// Implementations must be thread-safe: keep no per-call state in fields; draw randomness from
/// <see cref="ItemContext.Random"/>.
/// </summary>
public interface IImageTransform
{
    Image Apply(Image image, ItemContext context);
}
