using TorchSharp;
using static TorchSharp.torch;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Display.Tensors;

/// <summary>Renders image-shaped tensors and heatmaps as PNG.</summary>
public static class TensorImage
{
    // Below this size a 2-D tensor is far more likely a matrix of numbers than a picture.
    private const int MinSide = 8;
    // Small images (28x28 Fashion-MNIST) are scaled up with nearest-neighbour so pixels stay crisp in a notebook.
    private const int MinDisplayWidth = 112;

    /// <summary>
    /// A PNG for tensors shaped (C,H,W) with C in {1,3} or (H,W), with H and W at least 8, holding uint8 values or
    /// floating values within [0, 1]; null for anything else.
    /// </summary>
    public static MimeBundle? TryRender(Tensor t)
    {
        var shape = t.shape;
        var isChw = shape.Length == 3 && shape[0] is 1 or 3;
        if (!(isChw || shape.Length == 2)) return null;
        var (h, w) = (shape[^2], shape[^1]);
        if (h < MinSide || w < MinSide || h * w > 4096 * 4096) return null;
        if (t.dtype != ScalarType.Byte && !t.is_floating_point()) return null;

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = t.detach().cpu();
        if (x.dtype != ScalarType.Byte)
        {
            var min = x.min().Item();
            var max = x.max().Item();
            if (min < 0 || max > 1 || double.IsNaN(min)) return null;
            x = (x * 255).round().to(ScalarType.Byte);
        }
        var channels = isChw ? (int)shape[0] : 1;
        var hwc = isChw ? x.permute(1, 2, 0).contiguous() : x.contiguous();
        return Scaled(hwc.ToArray<byte>(), (int)w, (int)h, channels, $"Image {w}x{h} {(channels == 1 ? "gray" : "RGB")}");
    }

    /// <summary>A 2-D tensor as a colour-mapped heatmap (viridis by default), scaled from its minimum to its maximum.</summary>
    public static MimeBundle Heatmap(Tensor values, ColorMap? colorMap = null)
    {
        if (values.ndim != 2)
            throw new ArgumentException($"A heatmap needs a 2-D tensor, got shape [{string.Join(", ", values.shape)}].", nameof(values));
        var map = colorMap ?? ColorMap.Viridis;
        var (h, w) = ((int)values.shape[0], (int)values.shape[1]);
        using var scope = torch.NewDisposeScope();
        var data = values.detach().cpu().ToArray<double>();
        var finite = data.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double min = finite.Min(), max = finite.Max();
        var rgb = new byte[data.Length * 3];
        for (var i = 0; i < data.Length; i++) (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = map.Map(data[i], min, max);
        return Scaled(rgb, w, h, 3, $"Heatmap {w}x{h} ({map.Name}, {min:G4}..{max:G4})");
    }

    private static int ScaleFactor(int width) => width >= MinDisplayWidth ? 1 : (MinDisplayWidth + width - 1) / width;

    private static MimeBundle Scaled(byte[] pixels, int width, int height, int channels, string description)
    {
        var factor = ScaleFactor(width);
        if (factor == 1) return ImageBundle.FromPixels(pixels, width, height, channels, description);
        var (sw, sh) = (width * factor, height * factor);
        var scaled = new byte[sw * sh * channels];
        for (var y = 0; y < sh; y++)
            for (var x = 0; x < sw; x++)
                Buffer.BlockCopy(pixels, ((y / factor) * width + x / factor) * channels, scaled, (y * sw + x) * channels, channels);
        return ImageBundle.FromPixels(scaled, sw, sh, channels, description);
    }
}
