using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>PIL (in Debian's python3, see <see cref="PythonProcess"/>) as the reference image codec.</summary>
internal static class Python
{
    /// <summary>
    /// Saves <paramref name="pixels"/> (H, W, C interleaved, C in 1/3/4) with PIL in <paramref name="format"/> and returns
    /// PIL's own decode of the written file (for lossy formats that is the reference to compare with).
    /// </summary>
    public static byte[] PilSave(byte[] pixels, int width, int height, int channels, string path, string format, int quality = 90)
    {
        var raw = path + ".raw";
        File.WriteAllBytes(raw, pixels);
        const string script = """
            import sys
            from PIL import Image
            raw, w, h, c, path, fmt, q = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], int(sys.argv[7])
            mode = {1: "L", 3: "RGB", 4: "RGBA"}[c]
            img = Image.frombytes(mode, (w, h), open(raw, "rb").read())
            if fmt == "JPEG":
                img.save(path, fmt, quality=q)
            else:
                img.save(path, fmt)
            back = Image.open(path)
            back.load()
            open(raw, "wb").write(back.tobytes())
            """;
        PythonProcess.Run(script, raw, width.ToString(), height.ToString(), channels.ToString(), path, format, quality.ToString());
        var decoded = File.ReadAllBytes(raw);
        File.Delete(raw);
        return decoded;
    }
}

internal static class TestImages
{
    /// <summary>Random pixels, reproducible from <paramref name="seed"/>.</summary>
    public static byte[] Random(int width, int height, int channels, int seed)
    {
        var bytes = new byte[width * height * channels];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A smooth image (JPEG-friendly): channel c at (x, y) = (x * 7 + y * 3 + c * 40) mod 256 blurred into a ramp.</summary>
    public static byte[] Smooth(int width, int height, int channels)
    {
        var bytes = new byte[width * height * channels];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                    bytes[(y * width + x) * channels + c] = (byte)(128 + 100 * Math.Sin((x + 2 * y + 13 * c) / 9.0));
        return bytes;
    }

    /// <summary>Writes a PNG with our encoder (for loader tests that need real files but no PIL).</summary>
    public static void WritePng(string path, byte[] pixels, int width, int height, int channels)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        ImageIO.SavePng(new Image(pixels, width, height, channels), path);
    }
}
