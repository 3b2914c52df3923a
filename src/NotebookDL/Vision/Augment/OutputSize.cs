namespace NotebookDL.Vision.Augment;

/// <summary>The (height, width) a resampling transform produces; an int means a square, as fastai's size=224.</summary>
public readonly record struct OutputSize(int Height, int Width)
{
    public static implicit operator OutputSize(int side) => new(side, side);

    public static implicit operator OutputSize((int Height, int Width) size) => new(size.Height, size.Width);

    public override string ToString() => $"({Height}, {Width})";
}
