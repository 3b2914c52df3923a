using System.Text.Json.Nodes;
using NotebookDL.Learning;

namespace NotebookDL.Vision;

public sealed partial class VisionLearner
{
    private ImagePipeline? pipeline;

    /// <summary>
    /// How a picture becomes the model's input: the validation data's decoding, item and batch transforms (or, for a
    /// loaded learner, those saved by <see cref="Learner.Export"/>).
    /// </summary>
    public ImagePipeline Pipeline
    {
        get => pipeline ?? ImagePipeline.From(Dls);
        set => pipeline = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// fastai's <c>predict</c> for a picture file: its class (<see cref="Prediction.Label"/>), class index
    /// (<c>Decoded[0]</c>) and class probabilities (<see cref="Prediction.Output"/>), made as the validation images were.
    /// </summary>
    public Prediction Predict(string path) => Predict(ImageIO.ReadFile(path), path);

    /// <summary><see cref="Predict(string)"/> for a picture read from <paramref name="stream"/> (an upload, a resource).</summary>
    public Prediction Predict(Stream stream, string name = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Predict(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
    }

    /// <summary><see cref="Predict(string)"/> for an encoded picture in memory (PNG, JPEG, BMP, GIF); <paramref name="name"/> names it in errors.</summary>
    public Prediction Predict(ReadOnlySpan<byte> data, string name = "image")
    {
        using var item = Pipeline.ToItem(data, name);
        return Predict(item);
    }

    // An exported vision learner carries its picture pipeline, so the loaded one predicts a file as this one does.
    private protected override void ExportExtras(JsonObject meta)
    {
        if ((pipeline ?? ImagePipeline.TryFrom(Dls)) is { } images) meta["image"] = images.ToJson();
    }
}
