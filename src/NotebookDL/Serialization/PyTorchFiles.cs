using System.IO.Compression;
using System.Text;

namespace NotebookDL.Serialization;

// torch.save / torch.load in PyTorch's own zip format, so state dicts move between Python and C# both ways.
public static class PyTorchFiles
{
    /// <summary>
    /// Writes a state dict as Python's <c>torch.save(state_dict, path)</c> does: a zip archive with
    /// <c>archive/data.pkl</c> (a protocol-2 pickle of an OrderedDict of tensors), one uncompressed, 64-byte-aligned
    /// entry per storage (<c>archive/data/0</c>, ...), and <c>archive/version</c>. Python reads it with
    /// <c>torch.load(path)</c>. Each tensor is written contiguously with its own storage (views are not shared).
    /// <example><code>PyTorchFiles.Save(model.state_dict(), "model.pt");</code></example>
    /// </summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> stateDict, string path)
    {
        var tensors = stateDict.ToList();
        var pickle = StateDictPickle.Write(tensors);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using (var zip = new AlignedZipWriter(file))
        {
            zip.Add("archive/data.pkl", pickle);
            for (var i = 0; i < tensors.Count; i++) zip.Add($"archive/data/{i}", TensorBytes.ToBytes(tensors[i].Value));
            zip.Add("archive/version", "3\n"u8);
        }
    }

    /// <summary>
    /// Reads a state dict written by Python's <c>torch.save(model.state_dict(), path)</c> (PyTorch 1.6+ zip format)
    /// or by <see cref="save"/>. Keys keep their order; every tensor is a new contiguous CPU tensor (views of a shared
    /// storage become independent copies). Throws <see cref="InvalidDataException"/> naming the file when it is not
    /// such an archive, is truncated, or holds something other than tensors.
    /// </summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        ZipArchive zip;
        var stream = File.OpenRead(path);
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new InvalidDataException(
                $"'{path}' is not a PyTorch zip archive ({e.Message}). It may be truncated, or written by torch.save with " +
                "_use_new_zipfile_serialization=False (the legacy format, not supported): re-save it with a current PyTorch.", e);
        }
        using (zip)
        {
            try
            {
                return StateDictPickle.Read(zip, path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && !e.Message.Contains(path))
            {
                throw new InvalidDataException($"'{path}': {e.Message}", e);
            }
        }
    }
}
