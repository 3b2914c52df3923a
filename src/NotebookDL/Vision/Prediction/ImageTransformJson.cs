using System.Text.Json.Nodes;

namespace NotebookDL.Vision;

/// <summary>The item transforms an exported vision learner can save, by type name and their public settings.</summary>
internal static class ImageTransformJson
{
    public static JsonNode Write(IImageTransform transform) => transform switch
    {
        Resize r => new JsonObject { ["type"] = nameof(Resize), ["height"] = r.Height, ["width"] = r.Width, ["method"] = r.Method.ToString() },
        CenterCrop c => new JsonObject { ["type"] = nameof(CenterCrop), ["height"] = c.Height, ["width"] = c.Width },
        RandomResizedCrop c => new JsonObject
        {
            ["type"] = nameof(RandomResizedCrop), ["height"] = c.Height, ["width"] = c.Width, ["minScale"] = c.MinScale, ["maxScale"] = c.MaxScale,
            ["minRatio"] = c.MinRatio, ["maxRatio"] = c.MaxRatio, ["validExtra"] = c.ValidExtra,
        },
        _ => throw new InvalidOperationException(
            $"Export cannot save the item transform {transform.GetType().Name}, which prediction needs; it saves Resize, CenterCrop and RandomResizedCrop."),
    };

    public static IImageTransform Read(JsonObject json) => (string?)json["type"] switch
    {
        nameof(Resize) => new Resize((int)json["height"]!, (int)json["width"]!, Enum.Parse<ResizeMethod>((string)json["method"]!)),
        nameof(CenterCrop) => new CenterCrop((int)json["height"]!, (int)json["width"]!),
        nameof(RandomResizedCrop) => new RandomResizedCrop((int)json["height"]!, (int)json["width"]!, (double)json["minScale"]!, (double)json["maxScale"]!,
            (double)json["minRatio"]!, (double)json["maxRatio"]!, (double)json["validExtra"]!),
        var other => throw new InvalidDataException($"Unknown item transform '{other}' in the exported learner."),
    };
}
