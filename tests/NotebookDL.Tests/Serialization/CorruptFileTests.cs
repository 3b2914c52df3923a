using System.IO.Compression;

namespace NotebookDL.Optim.Tests.Serialization;

/// <summary>Bad files fail with an exception that names the file and says what is wrong, never with a crash.</summary>
public sealed class CorruptFileTests
{
    private static void SaveSample(string path)
    {
        using var scope = torch.NewDisposeScope();
        PyTorchFiles.Save(new Dictionary<string, Tensor> { ["w"] = torch.ones(64, 64), ["b"] = torch.zeros(64) }, path);
    }

    [Fact]
    public void TruncatedFileNamesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("cut.pt");
        SaveSample(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => PyTorchFiles.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void NonZipFileNamesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("junk.pt");
        File.WriteAllText(path, "this is not a zip archive at all, just text");
        var e = Assert.Throws<InvalidDataException>(() => PyTorchFiles.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a PyTorch zip archive", e.Message);
    }

    [Fact]
    public void MissingStorageRecordIsNamed()
    {
        using var dir = new TempDir();
        var path = dir.File("partial.pt");
        SaveSample(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update)) zip.GetEntry("archive/data/1")!.Delete();
        var e = Assert.Throws<InvalidDataException>(() => PyTorchFiles.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("archive/data/1", e.Message);
    }

    [Fact]
    public void UnsupportedOpcodeIsNamed()
    {
        using var dir = new TempDir();
        var path = dir.File("bytes.pt");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            // PROTO 3, then SHORT_BINBYTES (protocol 3, 'C') of length 1 -- not something torch.save emits.
            using (var s = zip.CreateEntry("archive/data.pkl").Open()) s.Write([0x80, 3, (byte)'C', 1, 0, (byte)'.']);
            using (var s = zip.CreateEntry("archive/version").Open()) s.Write("3\n"u8);
        }
        var e = Assert.Throws<InvalidDataException>(() => PyTorchFiles.Load(path));
        Assert.Contains("SHORT_BINBYTES", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void NonTensorValueNamesTheKey()
    {
        using var dir = new TempDir();
        PythonProcess.Run("import sys, torch; torch.save({'w': torch.ones(2), 'epoch': 3}, sys.argv[1])", dir.File("ckpt.pt"));
        var e = Assert.Throws<InvalidDataException>(() => PyTorchFiles.Load(dir.File("ckpt.pt")));
        Assert.Contains("'epoch'", e.Message);
    }
}
