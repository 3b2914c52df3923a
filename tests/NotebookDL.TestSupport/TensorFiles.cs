using System.Text.Json.Nodes;
using NotebookDL.Display.Tensors;
using NotebookDL.Serialization;

namespace NotebookDL.TestSupport;

/// <summary>
/// Tensors as the files the Python reference scripts read and write: the raw little-endian element bytes
/// (numpy's <c>tobytes()</c> / <c>tofile()</c>, row-major) plus a JSON spec <c>{"dtype": "float32", "shape": [..]}</c>.
/// The byte conversion is the library's own <see cref="TensorBytes"/> (every dtype torch.save knows).
/// </summary>
public static class TensorFiles
{
    /// <summary>The elements of <paramref name="t"/> in row-major order as raw little-endian bytes.</summary>
    public static byte[] Bytes(Tensor t) => TensorBytes.ToBytes(t);

    /// <summary>A new tensor holding <paramref name="bytes"/> (row-major) as <paramref name="dtype"/>.</summary>
    public static Tensor FromBytes(ReadOnlySpan<byte> bytes, ScalarType dtype, long[] shape) => TensorBytes.FromBytes(bytes, dtype, shape);

    /// <summary>Writes the raw bytes of <paramref name="t"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, Tensor t) => File.WriteAllBytes(path, Bytes(t));

    /// <summary>Reads a raw file written by Python (or <see cref="Write"/>) as a tensor.</summary>
    public static Tensor Read(string path, ScalarType dtype, long[] shape) => FromBytes(File.ReadAllBytes(path), dtype, shape);

    /// <summary>The manifest entry <c>{"dtype": .., "shape": [..]}</c> describing a raw file.</summary>
    public static JsonObject Spec(ScalarType dtype, long[] shape) =>
        new() { ["dtype"] = dtype.TorchName(), ["shape"] = Shape(shape) };

    /// <summary>A shape as a JSON array.</summary>
    public static JsonArray Shape(long[] shape) => new(shape.Select(s => (JsonNode)s).ToArray());

    /// <summary>A JSON array of sizes (as Python's <c>list(t.shape)</c> writes it, or built in C#) as a shape.</summary>
    public static long[] ParseShape(JsonNode shape) =>
        shape.AsArray().Select(s => long.Parse(s!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>PyTorch's dtype name without the <c>torch.</c> prefix (<c>"float32"</c>, <c>"uint8"</c>, ...).</summary>
    public static ScalarType ParseDtype(string name)
    {
        foreach (var d in Dtypes)
            if (d.TorchName() == name) return d;
        throw new InvalidDataException($"unknown dtype '{name}' from Python");
    }

    private static readonly ScalarType[] Dtypes =
    [
        ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.BFloat16, ScalarType.Int64,
        ScalarType.Int32, ScalarType.Int16, ScalarType.Int8, ScalarType.Byte, ScalarType.Bool,
    ];
}
