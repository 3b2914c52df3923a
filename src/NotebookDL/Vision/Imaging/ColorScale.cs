using System.Net;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Vision;

/// <summary>
/// The key to a colour map under a grid of images: a gradient from <paramref name="Low"/> to <paramref name="High"/>
/// (e.g. "0" to "the map's maximum"), so a reader knows which colour means more.
/// </summary>
internal sealed record ColorScale(ColorMap Map, string Low, string High, string? Label = null)
{
    private const int Width = 200;

    public string ToHtml()
    {
        var rgb = new byte[Width * 3];
        for (var x = 0; x < Width; x++) (rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]) = Map.Map(x / (Width - 1.0));
        var png = Convert.ToBase64String(PngEncoder.Encode(rgb, Width, 1, 3));
        var label = Label is null ? "" : $"<span>{WebUtility.HtmlEncode(Label)}:</span>";
        return "<div class=\"color-scale\" style=\"display:flex;align-items:center;gap:6px;margin-top:6px;font-family:sans-serif;font-size:12px\">" +
            $"{label}<span>{WebUtility.HtmlEncode(Low)}</span><img src=\"data:image/png;base64,{png}\" width=\"{Width}\" height=\"12\" alt=\"{Map.Name} colour scale\"/>" +
            $"<span>{WebUtility.HtmlEncode(High)}</span></div>";
    }
}
