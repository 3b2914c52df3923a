using System.Globalization;
using System.Text.Json.Nodes;
using NotebookDL.Data;

namespace NotebookDL.Vision;

/// <summary>
/// Turns one picture into the model's input exactly as the validation batches were made: decode, convert to
/// <see cref="ConvertMode"/>, the item transforms in validation mode, pixels to floats in [0, 1], the batch transforms
/// in validation mode (Normalize; augmentations do nothing there). What a vision learner's <c>Predict(file)</c> uses,
/// and what <c>Export</c> saves so a loaded learner predicts a file as the notebook did.
/// </summary>
public sealed class ImagePipeline
{
    /// <summary>Pictures larger than this are refused before decoding (a 10,000 x 10,000 PNG would take 300 MB).</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <param name="convertMode">"L", "RGB" or null to keep each picture's channels.</param>
    /// <param name="itemTfms">Item transforms, run in validation mode.</param>
    /// <param name="batchTfms">Batch transforms, run in validation mode.</param>
    public ImagePipeline(string? convertMode, IEnumerable<IImageTransform> itemTfms, IEnumerable<IBatchTransform> batchTfms)
    {
        if (convertMode is not null) ColorModes.Channels(convertMode);
        ConvertMode = convertMode;
        ItemTransforms = [.. itemTfms];
        BatchTransforms = [.. batchTfms];
    }

    public string? ConvertMode { get; }
    public IReadOnlyList<IImageTransform> ItemTransforms { get; }
    public IReadOnlyList<IBatchTransform> BatchTransforms { get; }

    /// <summary>
    /// The pipeline of the validation data: an image folder's decoding and item transforms, or, for images given as
    /// tensors (<c>ImageDataLoaders.FromTensors</c>), a squish to their size in their number of channels; then the
    /// validation loader's batch transforms.
    /// </summary>
    public static ImagePipeline From(DataLoaders dls) => TryFrom(dls) ?? throw new InvalidOperationException(
        $"Predicting a picture needs to know how the validation images were made; these loaders hold {dls.Valid.Dataset.GetType().Name}, not images.");

    /// <summary><see cref="From"/>, or null when the validation data are not images.</summary>
    public static ImagePipeline? TryFrom(DataLoaders dls)
    {
        ArgumentNullException.ThrowIfNull(dls);
        var valid = dls.Valid;
        return valid.Dataset switch
        {
            ImageDataset images => new ImagePipeline(images.ConvertMode, images.ItemTransforms, valid.BatchTransforms),
            TensorRowsDataset rows when rows.X.ndim == 4 && rows.X.shape[1] is 1 or 3 => new ImagePipeline(
                rows.X.shape[1] == 1 ? ColorModes.Gray : ColorModes.Rgb,
                [new Resize((int)rows.X.shape[2], (int)rows.X.shape[3], ResizeMethod.Squish)], valid.BatchTransforms),
            _ => null,
        };
    }

    /// <summary>Decodes <paramref name="data"/> (PNG, JPEG, BMP, GIF, ...) and makes the model's input (C, H, W); <paramref name="name"/> names it in errors.</summary>
    public Tensor ToItem(ReadOnlySpan<byte> data, string name, long maxPixels = DefaultMaxPixels)
    {
        var (width, height) = ImageIO.ReadSize(data, name);
        if ((long)width * height > maxPixels)
            throw new ImageDecodeException(name,
                string.Create(CultureInfo.InvariantCulture, $"it is {width:N0} x {height:N0} pixels, more than the {maxPixels:N0} allowed"));
        return ToItem(ImageIO.Decode(data, name, ConvertMode));
    }

    /// <summary>The model's input (C, H, W) for a decoded picture.</summary>
    public Tensor ToItem(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (ConvertMode is not null && image.Channels != ColorModes.Channels(ConvertMode)) image = image.Convert(ConvertMode);
        var context = new ItemContext(false, new Random(0));
        foreach (var transform in ItemTransforms) image = transform.Apply(image, context);
        // A batch of one, collated as the loader collates its batches; the label is a placeholder the transforms carry.
        using var batch = ImageDataset.Collate([image], [0]);
        using var scope = torch.NewDisposeScope();
        var (x, y) = (batch.X, batch.Y);
        foreach (var transform in BatchTransforms) (x, y) = transform.Apply(x, y, training: false);
        return x[0].MoveToOuterDisposeScope();
    }

    /// <summary>The pipeline as JSON for an exported learner. Augmentations are left out (they do nothing at validation).</summary>
    public JsonObject ToJson()
    {
        CheckSavable();
        return new JsonObject
        {
            ["convertMode"] = ConvertMode,
            ["itemTfms"] = new JsonArray([.. ItemTransforms.Select(ImageTransformJson.Write)]),
            ["normalize"] = BatchTransforms.OfType<Normalize>().SingleOrDefault() is { } n
                ? new JsonObject { ["mean"] = new JsonArray([.. n.Mean.Select(v => (JsonNode?)v)]), ["std"] = new JsonArray([.. n.Std.Select(v => (JsonNode?)v)]) }
                : null,
        };
    }

    public static ImagePipeline FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var itemTfms = json["itemTfms"]!.AsArray().Select(t => ImageTransformJson.Read(t!.AsObject()));
        IBatchTransform[] batchTfms = json["normalize"] is JsonObject n
            ? [Normalize.FromStats([.. n["mean"]!.AsArray().Select(v => (float)v!)], [.. n["std"]!.AsArray().Select(v => (float)v!)])]
            : [];
        return new ImagePipeline((string?)json["convertMode"], itemTfms, batchTfms);
    }

    // Only Normalize and augmentations (identity at validation) can be saved; anything else would be lost silently.
    private void CheckSavable()
    {
        var unsaved = BatchTransforms.Where(t => t is not (Normalize or Augment.IRandomBatchTransform)).Select(t => t.GetType().Name).ToList();
        if (unsaved.Count > 0)
            throw new InvalidOperationException($"Export cannot save the batch transform(s) {string.Join(", ", unsaved)}, which the validation images went through; only Normalize and augmentations can be saved.");
        if (BatchTransforms.OfType<Normalize>().Count() > 1) throw new InvalidOperationException("Export saves one Normalize; these loaders have several.");
    }

    public override string ToString() =>
        $"ImagePipeline({ConvertMode ?? "own channels"}; {string.Join(", ", ItemTransforms)}; {string.Join(", ", BatchTransforms.Select(t => t.GetType().Name))})";
}
