
namespace NotebookDL.Vision;

/// <summary>
/// A decoded 8-bit image in managed memory: interleaved channels, row-major, top row first (the layout of a
/// (H, W, C) uint8 tensor). Item transforms work on this type on loader worker threads, so that decoding and
/// resizing an item touch no native tensor memory; only the collated batch becomes a tensor.
/// </summary>
public sealed class Image
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied) of size <c>height * width * channels</c>.</summary>
    public Image(byte[] pixels, int width, int height, int channels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 to 4 channels.");
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"Expected {(long)width * height * channels} bytes for {width}x{height}x{channels}, got {pixels.Length}.", nameof(pixels));
        Pixels = pixels;
        Width = width;
        Height = height;
        Channels = channels;
    }

    public byte[] Pixels { get; }
    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }

    /// <summary>PIL's name for the layout: "L", "LA", "RGB" or "RGBA".</summary>
    public string Mode => ColorModes.Of(Channels);

    /// <summary>The sample at row <paramref name="y"/>, column <paramref name="x"/>, channel <paramref name="c"/>.</summary>
    public byte this[int y, int x, int c = 0] => Pixels[(y * Width + x) * Channels + c];

    /// <summary>This image in another mode ("L", "RGB" or "RGBA"); itself when it already is in that mode.</summary>
    public Image Convert(string mode)
    {
        var channels = ColorModes.Channels(mode);
        if (channels == Channels) return this;
        return new Image(ColorModes.Convert(Pixels, Width * Height, Channels, channels), Width, Height, channels);
    }

    /// <summary>A uint8 tensor (H, W, C) holding a copy of the pixels. The caller owns it.</summary>
    public Tensor ToTensor() => torch.tensor(Pixels, new long[] { Height, Width, Channels });

    /// <summary>
    /// An image from a tensor: uint8 (H, W, C) or (H, W); or floating point (C, H, W) or (H, W) in [0, 1], which is
    /// scaled by 255, rounded and clamped (the layout of a batch item).
    /// </summary>
    public static Image FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var shape = tensor.shape;
        if (tensor.dtype == ScalarType.Byte)
        {
            if (shape.Length is not (2 or 3)) throw new ArgumentException($"A uint8 image tensor must be (H, W) or (H, W, C), got [{string.Join(", ", shape)}].", nameof(tensor));
            var c = shape.Length == 3 ? (int)shape[2] : 1;
            return new Image(tensor.ToArray<byte>(), (int)shape[1], (int)shape[0], c);
        }
        if (!tensor.is_floating_point())
            throw new ArgumentException($"Image tensors must be uint8 (H, W, C) or floating point (C, H, W) in [0, 1], got {tensor.dtype}.", nameof(tensor));
        if (shape.Length is not (2 or 3)) throw new ArgumentException($"A float image tensor must be (H, W) or (C, H, W), got [{string.Join(", ", shape)}].", nameof(tensor));
        var channels = shape.Length == 3 ? (int)shape[0] : 1;
        int height = (int)shape[^2], width = (int)shape[^1];
        var planar = tensor.ToArray<float>();
        var pixels = new byte[planar.Length];
        var plane = height * width;
        for (var ch = 0; ch < channels; ch++)
            for (var i = 0; i < plane; i++)
                pixels[i * channels + ch] = (byte)Math.Clamp(MathF.Round(planar[ch * plane + i] * 255f), 0f, 255f);
        return new Image(pixels, width, height, channels);
    }
}
