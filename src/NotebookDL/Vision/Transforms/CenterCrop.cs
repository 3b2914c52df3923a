
namespace NotebookDL.Vision;

/// <summary>Takes the centred <see cref="Width"/> x <see cref="Height"/> window, padding with black if the image is smaller. No scaling.</summary>
public sealed class CenterCrop : IImageTransform
{
    public CenterCrop(int size) : this(size, size) { }

    public CenterCrop(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
    }

    public int Height { get; }
    public int Width { get; }

    public Image Apply(Image image, ItemContext context) => ImageOps.CenterCrop(image, Width, Height);

    public override string ToString() => $"CenterCrop({Height}x{Width})";
}
