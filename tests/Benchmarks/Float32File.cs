namespace NotebookDL.Benchmarks;

/// <summary>Raw little-endian float32 files: how the C# side hands encoded rows to bench_torch.py (numpy.fromfile).</summary>
internal static class Float32File
{
    public static void Write(string path, Tensor t)
    {
        using var contiguous = t.to(ScalarType.Float32).contiguous();
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(contiguous.data<float>().ToArray().AsSpan()).ToArray());
    }
}
