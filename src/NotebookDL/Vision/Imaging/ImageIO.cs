using NotebookDL.Display.Imaging;
using StbImageSharp;

namespace NotebookDL.Vision;

/// <summary>
/// Reads PNG, JPEG, BMP (and the other formats StbImageSharp, a managed port of stb_image, knows: GIF, TGA, PSD, HDR) and writes PNG.
/// <example><code>
/// using var x = ImageIO.Load("cat.jpg");           // uint8 (H, W, 3)
/// ImageIO.SavePng(x, "cat.png");
/// </code></example>
/// </summary>
public static class ImageIO
{
    /// <summary>Decodes the file into a uint8 tensor (H, W, C), converted to <paramref name="mode"/> ("L", "RGB", "RGBA") if given.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ImageDecodeException">The file is corrupt or not a supported image.</exception>
    public static Tensor Load(string path, string? mode = null) => LoadImage(path, mode).ToTensor();

    /// <summary>Decodes the file into an <see cref="Image"/> (managed memory), converted to <paramref name="mode"/> if given.</summary>
    public static Image LoadImage(string path, string? mode = null) => Decode(ReadFile(path), path, mode);

    /// <summary>An image file's bytes, or a <see cref="FileNotFoundException"/> that names the file.</summary>
    internal static byte[] ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Image file not found: '{path}'.", path, e);
        }
    }

    /// <summary>Decodes encoded image bytes; <paramref name="name"/> is used in error messages.</summary>
    public static Image Decode(ReadOnlySpan<byte> data, string name, string? mode = null)
    {
        if (mode is not null) ColorModes.Channels(mode); // validate before doing the work
        if (data.IsEmpty) throw new ImageDecodeException(name, "the file is empty");
        ImageResult decoded;
        try
        {
            decoded = ImageResult.FromMemory(data.ToArray(), ColorComponents.Default);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // StbImageSharp reports stb's failure reason ("unknown image type", "bad png sig", ...) as the message.
            throw new ImageDecodeException(name, e.Message);
        }
        var image = new Image(decoded.Data, decoded.Width, decoded.Height, (int)decoded.Comp);
        // Gray+alpha has no mode of its own downstream: drop alpha as PIL's convert("L") would.
        if (mode is null && image.Channels == 2) return image.Convert(ColorModes.Gray);
        return mode is null ? image : image.Convert(mode);
    }

    /// <summary>Width, height and channel count from the file header, without decoding the pixels.</summary>
    public static (int Width, int Height, int Channels) ReadInfo(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Image file not found: '{path}'.", path);
        using var stream = File.OpenRead(path);
        var info = ImageInfo.FromStream(stream) ?? throw new ImageDecodeException(path, "not a supported image (no PNG, JPEG, BMP, GIF, TGA, PSD or HDR header)");
        return (info.Width, info.Height, (int)info.ColorComponents);
    }

    /// <summary>Width and height from encoded bytes' header, without decoding the pixels; <paramref name="name"/> names them in errors.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> data, string name)
    {
        if (data.IsEmpty) throw new ImageDecodeException(name, "the file is empty");
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        var info = ImageInfo.FromStream(stream) ?? throw new ImageDecodeException(name, "not a supported image (no PNG, JPEG, BMP, GIF, TGA, PSD or HDR header)");
        return (info.Width, info.Height);
    }

    /// <summary>Writes <paramref name="image"/> as a PNG file (gray, RGB or RGBA; gray+alpha is saved as gray).</summary>
    public static void SavePng(Image image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels == 2) image = image.Convert(ColorModes.Gray);
        File.WriteAllBytes(path, PngEncoder.Encode(image.Pixels, image.Width, image.Height, image.Channels));
    }

    /// <summary>
    /// Writes a tensor as a PNG file: uint8 (H, W, C) / (H, W), or floating point (C, H, W) / (H, W) in [0, 1]
    /// (see <see cref="Image.FromTensor"/>).
    /// </summary>
    public static void SavePng(Tensor tensor, string path) => SavePng(Image.FromTensor(tensor), path);
}
