using System.Diagnostics;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Vision;

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbdl-test-" + Guid.NewGuid().ToString("N"));

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Runs Debian's python3 (which has PIL and torch; the PATH python3 does not) to produce reference data.</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; returns stdout, throws with stderr on failure.</summary>
    public static string Run(string script, params string[] args)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nbdl-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {stderr}");
            return stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

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
        Run(script, raw, width.ToString(), height.ToString(), channels.ToString(), path, format, quality.ToString());
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
