using System.Text.Json.Nodes;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Plotting;

/// <summary>
/// An RGB(A) picture placed on the axes, one unit per pixel with y pointing down (Plotly's image trace).
/// Used to overlay a heatmap on a photo (Grad-CAM) or to label an image with axes.
/// </summary>
public sealed class ImageTrace : Trace
{
    private string? dataUri;

    /// <summary>Creates the trace from interleaved 8-bit pixels, row-major, top row first.</summary>
    /// <param name="pixels">Interleaved samples, <c>height * width * channels</c> bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">3 (RGB) or 4 (RGBA).</param>
    public ImageTrace(byte[] pixels, int width, int height, int channels = 3)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels is not (3 or 4)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "ImageTrace needs RGB (3) or RGBA (4) pixels.");
        if (pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"Expected {width * height * channels} bytes for {width}x{height}x{channels}, got {pixels.Length}.", nameof(pixels));
        }
        Pixels = pixels;
        Width = width;
        Height = height;
        Channels = channels;
    }

    public byte[] Pixels { get; }
    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }

    public override string PlotlyType => "image";

    /// <summary>The pixels as a PNG data URI (computed once); both the Plotly JSON and the SVG embed it.</summary>
    public string DataUri => dataUri ??= "data:image/png;base64," + Convert.ToBase64String(PngEncoder.Encode(Pixels, Width, Height, Channels));

    private protected override void WritePlotly(JsonObject json, Layout layout)
    {
        // "source" (a PNG) is far smaller than Plotly's per-pixel "z" array.
        json["source"] = DataUri;
    }
}
