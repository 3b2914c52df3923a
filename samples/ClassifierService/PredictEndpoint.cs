using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using NotebookDL.Vision;

namespace ClassifierService;

/// <summary>
/// POST /predict: the picture as the request body (Content-Type image/*) or as the first file of a multipart form.
/// Every refusal is a 4xx with a JSON message that says what was wrong; the service keeps serving.
/// </summary>
internal static class PredictEndpoint
{
    /// <summary>Uploads above this are refused (413) before they are read to the end.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static async Task<IResult> Handle(HttpRequest request, Classifier classifier, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var (picture, name, refusal) = await ReadPicture(request, cancel);
        if (refusal is not null) return refusal;
        try
        {
            var (prediction, modelMs) = classifier.Predict(picture!, name);
            var probabilities = classifier.Classes.Select((c, i) => new ClassProbability(c, prediction.Output[i])).OrderByDescending(p => p.Probability).ToList();
            return Results.Json(new PredictResponse(prediction.Label!, (int)prediction.Decoded[0], probabilities, modelMs, clock.Elapsed.TotalMilliseconds));
        }
        catch (ImageDecodeException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static async Task<(byte[]? Picture, string Name, IResult? Refusal)> ReadPicture(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxUploadBytes) return (null, "", TooLarge(request.ContentLength.Value));
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancel);
                var file = form.Files.FirstOrDefault();
                if (file is null || file.Length == 0) return (null, "", Error(StatusCodes.Status400BadRequest, "The form has no picture: attach one as a file field."));
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream, cancel);
                return (stream.ToArray(), file.FileName, null);
            }
            var type = request.ContentType ?? "";
            if (!type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
                return (null, "", Error(StatusCodes.Status415UnsupportedMediaType,
                    $"Content-Type '{(type.Length == 0 ? "none" : type)}' is not a picture: send the bytes as image/png, image/jpeg, ... or a multipart form."));
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancel);
            if (body.Length == 0) return (null, "", Error(StatusCodes.Status400BadRequest, "The request body is empty: send the picture's bytes (PNG, JPEG, BMP or GIF)."));
            return (body.ToArray(), "upload", null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, "", TooLarge(null));
        }
        catch (InvalidDataException e)
        {
            // The form reader's own limits (a multipart section over its size limit).
            return (null, "", Error(StatusCodes.Status413PayloadTooLarge, e.Message));
        }
    }

    private static IResult TooLarge(long? bytes) => Error(StatusCodes.Status413PayloadTooLarge,
        $"The upload{(bytes is { } b ? $" ({b / (1024.0 * 1024):F1} MB)" : "")} is larger than the {MaxUploadBytes / (1024 * 1024)} MB allowed.");

    private static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), statusCode: status);
}

internal sealed record ClassProbability(string Class, double Probability);

internal sealed record PredictResponse(string Label, int Index, IReadOnlyList<ClassProbability> Probabilities, double ModelMs, double ElapsedMs);

internal sealed record ErrorResponse(string Error);
