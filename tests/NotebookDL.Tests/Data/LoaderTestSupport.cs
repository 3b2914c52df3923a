using NotebookDL.Data;
using NotebookDL.Tests.Vision;
using NotebookDL.Vision;

namespace NotebookDL.Tests.Data;

/// <summary>A folder of small labelled PNGs whose first pixel encodes the item number, so batches can be traced back to files.</summary>
internal sealed class PngFolder : IDisposable
{
    public PngFolder(int perClass, string[] classes, string split = "train", int size = 8)
    {
        foreach (var (cls, c) in classes.Select((cls, c) => (cls, c)))
        {
            for (var i = 0; i < perClass; i++)
            {
                var pixels = new byte[size * size];
                var id = c * perClass + i;
                pixels[0] = (byte)id;
                pixels[1] = (byte)c;
                var path = Dir.File(System.IO.Path.Combine(split, cls, $"{cls}_{i:D3}.png"));
                TestImages.WritePng(path, pixels, size, size, 1);
            }
        }
    }

    public TempDir Dir { get; } = new();

    public string Path => Dir.Path;

    public void Dispose() => Dir.Dispose();
}

/// <summary>A dataset of n items whose X is the item index (B, 1) and Y the index too, with optional failure and delay.</summary>
internal sealed class IndexDataset(int n, int failAt = -1, int delayMs = 0) : IDataset
{
    public int Count => n;

    public long LabelOf(int index) => index;

    public Batch GetBatch(int[] indices, BatchContext context)
    {
        if (delayMs > 0) Thread.Sleep(delayMs);
        if (indices.Contains(failAt)) throw new InvalidOperationException($"item {failAt} is broken");
        var ids = indices.Select(i => (long)i).ToArray();
        return new Batch(tensor(ids.Select(i => (float)i).ToArray(), new long[] { ids.Length, 1 }), tensor(ids));
    }
}

internal static class Batches
{
    /// <summary>The labels of every batch of one epoch, disposing each batch.</summary>
    public static List<long[]> Labels(BatchLoader dl)
    {
        var result = new List<long[]>();
        foreach (var batch in dl)
        {
            using (batch) result.Add(batch.Y.ToArray<long>());
        }
        return result;
    }
}
