using System.Runtime.InteropServices;
using System.Buffers;
using NotebookDL.Data;

namespace NotebookDL.Vision;

/// <summary>
/// Image files with class labels. An item is decoded, converted to <see cref="ConvertMode"/> if set, and passed
/// through the item transforms on a loader worker thread; a batch is collated into float32 X (B, C, H, W) in
/// [0, 1] and int64 Y (B).
/// </summary>
public sealed class ImageDataset : IDataset
{
    private readonly IImageTransform[] itemTfms;

    /// <param name="files">Image paths.</param>
    /// <param name="labels">Class index of each file.</param>
    /// <param name="itemTfms">Per-item transforms, in order (e.g. Resize); items must all end up the same size.</param>
    /// <param name="convertMode">"L", "RGB" or null to keep each file's own channels (gray stays 1 channel).</param>
    public ImageDataset(IReadOnlyList<string> files, IReadOnlyList<long> labels, IEnumerable<IImageTransform>? itemTfms = null, string? convertMode = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(labels);
        if (files.Count != labels.Count) throw new ArgumentException($"{files.Count} files but {labels.Count} labels.", nameof(labels));
        if (convertMode is not null) ColorModes.Channels(convertMode);
        Files = files;
        Labels = labels;
        this.itemTfms = itemTfms?.ToArray() ?? [];
        ConvertMode = convertMode;
    }

    public IReadOnlyList<string> Files { get; }
    public IReadOnlyList<long> Labels { get; }
    public IReadOnlyList<IImageTransform> ItemTransforms => itemTfms;
    public string? ConvertMode { get; }

    public int Count => Files.Count;

    public long LabelOf(int index) => Labels[index];

    /// <summary>Item <paramref name="index"/> decoded and transformed; throws <see cref="ItemLoadException"/> naming the file.</summary>
    public Image GetImage(int index, ItemContext context)
    {
        var path = Files[index];
        try
        {
            var image = ImageIO.LoadImage(path, ConvertMode);
            foreach (var transform in itemTfms) image = transform.Apply(image, context);
            return image;
        }
        catch (Exception e)
        {
            throw new ItemLoadException(path, index, e);
        }
    }

    public Batch GetBatch(int[] indices, BatchContext context)
    {
        var images = new Image[indices.Length];
        for (var i = 0; i < indices.Length; i++) images[i] = GetImage(indices[i], new ItemContext(context.Training, context.RandomFor(indices[i])));
        var first = images[0];
        for (var i = 1; i < images.Length; i++)
        {
            var im = images[i];
            if (im.Width != first.Width || im.Height != first.Height || im.Channels != first.Channels)
                throw new InvalidOperationException(
                    $"Cannot batch images of different sizes: '{Files[indices[0]]}' is {first.Width}x{first.Height}x{first.Channels} " +
                    $"but '{Files[indices[i]]}' is {im.Width}x{im.Height}x{im.Channels}. Add an item transform such as new Resize(224)" +
                    (im.Channels != first.Channels ? ", and convertMode: \"RGB\" to give every image 3 channels." : "."));
        }
        return Collate(images, indices.Select(i => Labels[i]).ToArray());
    }

    /// <summary>
    /// Interleaved bytes (H, W, C) of each image become planes (C, H, W) of floats in [0, 1]. Also how one picture to
    /// predict becomes the model's input (<see cref="ImagePipeline"/>), so both scale pixels the same way.
    /// </summary>
    internal static Batch Collate(Image[] images, long[] labels)
    {
        int c = images[0].Channels, h = images[0].Height, w = images[0].Width;
        var plane = h * w;
        var itemSize = c * plane;
        var length = images.Length * itemSize;
        // Pooled: a batch buffer is megabytes and would otherwise land on the large object heap every batch.
        var buffer = ArrayPool<float>.Shared.Rent(length);
        try
        {
            for (var b = 0; b < images.Length; b++)
            {
                var pixels = images[b].Pixels;
                var item = buffer.AsSpan(b * itemSize, itemSize);
                for (var ch = 0; ch < c; ch++)
                {
                    var dst = item.Slice(ch * plane, plane);
                    for (var i = 0; i < plane; i++) dst[i] = pixels[i * c + ch] * (1f / 255f);
                }
            }
            var x = torch.empty(images.Length, c, h, w);
            x.bytes = MemoryMarshal.AsBytes(buffer.AsSpan(0, length));
            var y = torch.tensor(labels);
            return new Batch(x, y);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
