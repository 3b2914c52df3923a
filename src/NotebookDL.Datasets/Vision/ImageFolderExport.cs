using System.Diagnostics;
using NotebookDL.Display;
using NotebookDL.Display.Imaging;

namespace NotebookDL.Vision;

/// <summary>
/// Writes Fashion-MNIST as PNG files, once. Safety against interruption and concurrent callers: the tree is
/// written into <c>&lt;root&gt;.partial-&lt;pid&gt;-&lt;guid&gt;</c>, a marker file recording the image counts is written
/// last, and the folder is renamed into place (atomic on one file system). A root without the right marker is
/// never used; partial folders of dead processes are deleted.
/// </summary>
internal static class ImageFolderExport
{
    internal const string MarkerName = ".notebookdl-complete";
    private static readonly (string Folder, string Prefix)[] Splits = [("train", "train"), ("test", "t10k")];

    public static string Ensure(string cacheDir, int? limit)
    {
        var root = Path.GetFullPath(cacheDir.TrimEnd(Path.DirectorySeparatorChar));
        var parent = Path.GetDirectoryName(root)!;
        var name = Path.GetFileName(root);
        if (IsComplete(root, limit)) return root;

        var splits = Splits.Select(s => (s.Folder, Data: Datasets.FashionMnist.ReadSplit(s.Prefix, limit))).ToList();
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, name);
        var temp = Path.Combine(parent, $"{name}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var total = splits.Sum(s => s.Data.Shape[0]);
            using (var progress = new ProgressDisplay(total, "Writing Fashion-MNIST PNGs"))
            {
                foreach (var (folder, data) in splits) WriteSplit(Path.Combine(temp, folder), data.Shape, data.Images, data.Labels, progress);
            }
            File.WriteAllText(Path.Combine(temp, MarkerName), Marker(splits.Select(s => s.Data.Shape[0])));
            if (Directory.Exists(root))
            {
                // Another process may have finished first; otherwise the root is stale (other limit) or incomplete.
                if (IsComplete(root, limit)) return root;
                Directory.Delete(root, recursive: true);
            }
            Directory.Move(temp, root);
            return root;
        }
        catch (IOException) when (IsComplete(root, limit))
        {
            return root; // lost the rename race to a concurrent export of the same tree
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private static void WriteSplit(string dir, int[] shape, byte[] images, byte[] labels, ProgressDisplay progress)
    {
        foreach (var cls in Datasets.FashionMnist.FolderNames) Directory.CreateDirectory(Path.Combine(dir, cls));
        int n = shape[0], h = shape[1], w = shape[2], size = h * w;
        const int chunk = 256;
        // Encoding and file creation are independent per image: spread chunks over the cores, report per chunk.
        Parallel.For(0, (n + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(n, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                var png = PngEncoder.Encode(images.AsSpan(i * size, size), w, h, 1);
                File.WriteAllBytes(Path.Combine(dir, Datasets.FashionMnist.FolderNames[labels[i]], $"{i:D5}.png"), png);
            }
            progress.Advance(end - c * chunk);
        });
    }

    private static string Marker(IEnumerable<int> counts) => "fashion-mnist png v1 counts=" + string.Join(",", counts) + "\n";

    private static bool IsComplete(string root, int? limit)
    {
        var marker = Path.Combine(root, MarkerName);
        if (!File.Exists(marker)) return false;
        var expected = Marker(limit is { } n ? [Math.Min(n, 60000), Math.Min(n, 10000)] : [60000, 10000]);
        return File.ReadAllText(marker) == expected;
    }

    /// <summary>Deletes partial folders left by processes that no longer run (an interrupted export).</summary>
    private static void RemoveAbandoned(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, name + ".partial-*"))
        {
            var parts = Path.GetFileName(dir)[(name.Length + ".partial-".Length)..].Split('-');
            // A live process (this one included) may still be writing its partial folder.
            if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && (pid == Environment.ProcessId || IsRunning(pid))) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a folder we cannot remove is merely never used.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
