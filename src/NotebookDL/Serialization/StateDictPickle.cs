using System.IO.Compression;

namespace NotebookDL.Serialization;

/// <summary>
/// The pickle program of a saved state dict: an OrderedDict whose values are
/// <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())</c>, each
/// storage a persistent id <c>('storage', torch.FloatStorage, key, 'cpu', numel)</c> naming <c>data/key</c>.
/// </summary>
internal static class StateDictPickle
{
    /// <summary>Pickles the dict; tensor i is stored contiguously under storage key "i".</summary>
    public static byte[] Write(IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        var w = new PickleWriter();
        w.Global("collections", "OrderedDict").Op(PickleOpcodes.EMPTY_TUPLE).Op(PickleOpcodes.REDUCE);
        // CPython batches SETITEMS by 1000 pairs; any batch size loads the same.
        for (var start = 0; start < tensors.Count; start += 1000)
        {
            w.Op(PickleOpcodes.MARK);
            for (var i = start; i < Math.Min(start + 1000, tensors.Count); i++)
            {
                var (key, t) = tensors[i];
                var size = t.shape;
                w.String(key);
                w.Global("torch._utils", "_rebuild_tensor_v2").Op(PickleOpcodes.MARK);
                w.Op(PickleOpcodes.MARK).String("storage").Global("torch", TensorBytes.StorageName(t.dtype))
                    .String(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).String("cpu").Int(t.numel())
                    .Op(PickleOpcodes.TUPLE).Op(PickleOpcodes.BINPERSID);
                w.Int(0).IntTuple(size).IntTuple(TensorBytes.ContiguousStrides(size)).Bool(t.requires_grad);
                w.Global("collections", "OrderedDict").Op(PickleOpcodes.EMPTY_TUPLE).Op(PickleOpcodes.REDUCE);
                w.Op(PickleOpcodes.TUPLE).Op(PickleOpcodes.REDUCE);
            }
            w.Op(PickleOpcodes.SETITEMS);
        }
        w.Op(PickleOpcodes.STOP);
        return w.ToArray();
    }

    /// <summary>Unpickles <c>prefix/data.pkl</c> of <paramref name="zip"/> into tensors; tensors made on the way are freed on failure.</summary>
    public static Dictionary<string, Tensor> Read(ZipArchive zip, string path)
    {
        var first = zip.Entries.FirstOrDefault()?.FullName ?? throw new InvalidDataException($"'{path}' is an empty zip archive.");
        // PyTorch names the top folder after the file (or "archive"); take it from the first record as torch.load does.
        var prefix = first.Contains('/') ? first[..(first.IndexOf('/') + 1)] : "";
        var pkl = Entry(zip, prefix + "data.pkl", path);
        var storages = new Dictionary<string, (ScalarType Dtype, byte[] Bytes)>();
        var created = new List<Tensor>();

        object FindClass(string module, string name) => (module, name) switch
        {
            ("collections", "OrderedDict") => new PickleCallable(_ => new PickleDict()),
            ("torch._utils", "_rebuild_tensor_v2") => new PickleCallable(args => Rebuild(args, path, created)),
            ("torch._utils", "_rebuild_parameter") => new PickleCallable(args => args[0]),
            ("torch", _) when TensorBytes.Storage(name) is { } storage => storage,
            _ => throw new InvalidDataException($"'{path}' refers to the Python object {module}.{name}, which torch.load here does not know; it reads state dicts of tensors."),
        };

        object? PersistentLoad(object?[] pid)
        {
            if (pid is not ["storage", StorageType type, string key, string, long numel])
                throw new InvalidDataException($"'{path}' has a persistent id that is not a storage: ({string.Join(", ", pid)}).");
            if (!storages.TryGetValue(key, out var storage))
            {
                var bytes = Entry(zip, $"{prefix}data/{key}", path);
                var elementSize = type.Dtype.ElementSize();
                if (bytes.LongLength < numel * elementSize)
                    throw new InvalidDataException($"'{path}': storage {key} should hold {numel} {type.Dtype.TorchName()} values but has {bytes.Length} bytes.");
                storages[key] = storage = (type.Dtype, bytes);
            }
            return storage;
        }

        try
        {
            var root = new PickleReader(pkl, $"'{path}' ({prefix}data.pkl)", FindClass, PersistentLoad).Load();
            if (root is not PickleDict dict)
                throw new InvalidDataException($"'{path}' holds a {root?.GetType().Name ?? "None"}, not a dict of tensors.");
            var result = new Dictionary<string, Tensor>();
            foreach (var (key, value) in dict.Items)
            {
                if (key is not string name || value is not Tensor t)
                    throw new InvalidDataException($"'{path}' holds {value?.GetType().Name ?? "None"} under key '{key}'; torch.load here reads dicts of tensors (state_dict()).");
                result[name] = t;
            }
            return result;
        }
        catch
        {
            foreach (var t in created) t.Dispose();
            throw;
        }
    }

    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks)
    private static Tensor Rebuild(object?[] args, string path, List<Tensor> created)
    {
        if (args is not [(ScalarType dtype, byte[] bytes), long offset, object?[] sizeTuple, object?[] strideTuple, bool requiresGrad, ..])
            throw new InvalidDataException($"'{path}' has a tensor record that is not _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks).");
        var size = Longs(sizeTuple, path);
        var stride = Longs(strideTuple, path);
        if (size.Length != stride.Length) throw new InvalidDataException($"'{path}' has a tensor with {size.Length} sizes but {stride.Length} strides.");
        var data = TensorBytes.Gather(bytes, dtype.ElementSize(), offset, size, stride, $"'{path}': a tensor of shape [{string.Join(", ", size)}]");
        var t = TensorBytes.FromBytes(data, dtype, size);
        created.Add(t);
        if (requiresGrad) t.requires_grad_();
        return t;
    }

    private static long[] Longs(object?[] tuple, string path) =>
        tuple.Select(v => v as long? ?? throw new InvalidDataException($"'{path}' has a tensor size or stride that is not an integer.")).ToArray();

    private static byte[] Entry(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"'{path}' has no record '{name}'; it is not a file written by torch.save.");
        using var stream = entry.Open();
        var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
        stream.CopyTo(buffer);
        if (buffer.Length != entry.Length)
            throw new InvalidDataException($"'{path}': record '{name}' is truncated ({buffer.Length} of {entry.Length} bytes).");
        return buffer.ToArray();
    }
}
