namespace NotebookDL.Vision;

/// <summary>How <see cref="Resize"/> reaches the target aspect ratio (fastai's ResizeMethod).</summary>
public enum ResizeMethod
{
    /// <summary>Crop the largest window of the target aspect (random position on train, centred on valid), then scale.</summary>
    Crop,

    /// <summary>Pad to the target aspect with black (zeros), then scale: nothing is lost, nothing is distorted.</summary>
    Pad,

    /// <summary>Stretch the whole image to the target size, distorting its aspect ratio.</summary>
    Squish,
}
