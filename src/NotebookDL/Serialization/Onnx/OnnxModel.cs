using System.Buffers.Binary;

namespace NotebookDL.Serialization.Onnx;

/// <summary>A constant tensor of an ONNX graph (an initializer or a Constant node's value): float32 or int64 data.</summary>
public sealed record OnnxTensor(string Name, long[] Dims, int DataType, float[]? Floats, long[]? Int64s)
{
    /// <summary>ONNX's TensorProto.DataType values this reader decodes.</summary>
    public const int Float = 1, Int64 = 7;

    public long Count => Dims.Aggregate(1L, (a, b) => a * b);

    public override string ToString() => $"{Name} [{string.Join(", ", Dims)}] {(DataType == Float ? "float32" : DataType == Int64 ? "int64" : $"type {DataType}")}";
}

/// <summary>One attribute of a node: a number, a string, a list of numbers or a tensor.</summary>
public sealed record OnnxAttribute(string Name, long? Int, float? Float, string? Text, IReadOnlyList<long> Ints, IReadOnlyList<float> Floats, OnnxTensor? Tensor);

/// <summary>One operation of the graph, with its input and output value names.</summary>
public sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    /// <summary>An integer-list attribute, or <paramref name="fallback"/> when the node does not set it.</summary>
    public IReadOnlyList<long> Ints(string name, IReadOnlyList<long> fallback) => Attributes.TryGetValue(name, out var a) ? a.Ints : fallback;

    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) && a.Int is { } i ? i : fallback;

    public override string ToString() => $"{OpType} ({string.Join(", ", Inputs)}) -> ({string.Join(", ", Outputs)})";
}

/// <summary>
/// An ONNX model's graph as written in the file: nodes in order, constant tensors by name, the graph's input and output
/// names. Read with <see cref="Read"/>; only what a weight importer needs is decoded (no external data, no sparse
/// tensors, float32 and int64 tensors).
/// </summary>
public sealed record OnnxModel
{
    public required long IrVersion { get; init; }

    public required string Producer { get; init; }

    public required IReadOnlyList<OnnxNode> Nodes { get; init; }

    public required IReadOnlyDictionary<string, OnnxTensor> Initializers { get; init; }

    /// <summary>The graph's inputs that are not initializers (what a caller feeds).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>Reads <paramref name="path"/>; a missing, truncated or non-ONNX file throws a message that names it.</summary>
    public static OnnxModel Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"ONNX model not found: '{path}'.", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses ONNX bytes; <paramref name="source"/> names them in error messages.</summary>
    public static OnnxModel Parse(ReadOnlySpan<byte> bytes, string source)
    {
        var reader = new ProtoReader(bytes, source);
        long irVersion = 0;
        string producer = "";
        OnnxModel? graph = null;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 0: irVersion = reader.ReadInt64(); break;
                case 2 when wire == 2: producer = reader.ReadString(); break;
                case 7 when wire == 2:
                    var g = reader.ReadMessage();
                    graph = ReadGraph(ref g);
                    break;
                default: reader.Skip(wire); break;
            }
        }
        if (graph is null || irVersion == 0)
            throw new InvalidDataException($"'{source}' is not an ONNX model: it has no {(irVersion == 0 ? "IR version" : "graph")}.");
        return graph with { IrVersion = irVersion, Producer = producer };
    }

    /// <summary>The graph's parts; the model's own fields (IR version, producer) are filled in by <see cref="Parse"/>.</summary>
    private static OnnxModel ReadGraph(ref ProtoReader reader)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>();
        var inputs = new List<string>();
        var outputs = new List<string>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (wire != 2)
            {
                reader.Skip(wire);
                continue;
            }
            var message = reader.ReadMessage();
            switch (field)
            {
                case 1: nodes.Add(ReadNode(ref message)); break;
                case 5:
                    var tensor = ReadTensor(ref message);
                    initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueName(ref message)); break;
                case 12: outputs.Add(ReadValueName(ref message)); break;
            }
        }
        return new OnnxModel
        {
            IrVersion = 0, Producer = "", Nodes = nodes, Initializers = initializers,
            Inputs = inputs.Where(i => !initializers.ContainsKey(i)).ToList(), Outputs = outputs,
        };
    }

    private static string ReadValueName(ref ProtoReader reader)
    {
        var name = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2) name = reader.ReadString();
            else reader.Skip(wire);
        }
        return name;
    }

    private static OnnxNode ReadNode(ref ProtoReader reader)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxAttribute>();
        string name = "", opType = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2: inputs.Add(reader.ReadString()); break;
                case 2 when wire == 2: outputs.Add(reader.ReadString()); break;
                case 3 when wire == 2: name = reader.ReadString(); break;
                case 4 when wire == 2: opType = reader.ReadString(); break;
                case 5 when wire == 2:
                    var a = reader.ReadMessage();
                    var attribute = ReadAttribute(ref a);
                    attributes[attribute.Name] = attribute;
                    break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ref ProtoReader reader)
    {
        string name = "";
        long? i = null;
        float? f = null;
        string? s = null;
        OnnxTensor? t = null;
        var ints = new List<long>();
        var floats = new List<float>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2: name = reader.ReadString(); break;
                case 2 when wire == 5: f = reader.ReadFixed32Float(); break;
                case 3 when wire == 0: i = reader.ReadInt64(); break;
                case 4 when wire == 2: s = reader.ReadString(); break;
                case 5 when wire == 2:
                    var m = reader.ReadMessage();
                    t = ReadTensor(ref m);
                    break;
                case 7: reader.ReadFloats(wire, floats); break;
                case 8: reader.ReadInt64s(wire, ints); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxAttribute(name, i, f, s, ints, floats, t);
    }

    private static OnnxTensor ReadTensor(ref ProtoReader reader)
    {
        var dims = new List<long>();
        var floats = new List<float>();
        var int64s = new List<long>();
        var dataType = 0;
        var name = "";
        byte[]? raw = null;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: reader.ReadInt64s(wire, dims); break;
                case 2 when wire == 0: dataType = (int)reader.ReadVarint(); break;
                case 4: reader.ReadFloats(wire, floats); break;
                case 7: reader.ReadInt64s(wire, int64s); break;
                case 8 when wire == 2: name = reader.ReadString(); break;
                case 9 when wire == 2: raw = reader.ReadBytes(out _).ToArray(); break;
                case 14 when wire == 0:
                    if (reader.ReadVarint() == 1) throw new NotSupportedException($"Tensor '{name}' keeps its data in an external file, which this reader does not follow.");
                    break;
                default: reader.Skip(wire); break;
            }
        }
        var count = dims.Aggregate(1L, (a, b) => a * b);
        float[]? floatData = null;
        long[]? int64Data = null;
        if (dataType == OnnxTensor.Float)
        {
            floatData = raw is null ? floats.ToArray() : Decode(raw, 4, name, count, (b, k) => BinaryPrimitives.ReadSingleLittleEndian(b[(4 * k)..]));
            if (floatData.Length != count) throw new InvalidDataException($"Tensor '{name}' [{string.Join(", ", dims)}] holds {floatData.Length:N0} floats, not {count:N0}.");
        }
        else if (dataType == OnnxTensor.Int64)
        {
            int64Data = raw is null ? int64s.ToArray() : Decode(raw, 8, name, count, (b, k) => BinaryPrimitives.ReadInt64LittleEndian(b[(8 * k)..]));
            if (int64Data.Length != count) throw new InvalidDataException($"Tensor '{name}' [{string.Join(", ", dims)}] holds {int64Data.Length:N0} integers, not {count:N0}.");
        }
        return new OnnxTensor(name, dims.ToArray(), dataType, floatData, int64Data);
    }

    private delegate T Element<T>(ReadOnlySpan<byte> bytes, int index);

    private static T[] Decode<T>(byte[] raw, int size, string name, long count, Element<T> read)
    {
        if (raw.Length != count * size)
            throw new InvalidDataException($"Tensor '{name}' has {raw.Length:N0} bytes of data, not the {count * size:N0} its shape needs.");
        var values = new T[count];
        for (var k = 0; k < count; k++) values[k] = read(raw, k);
        return values;
    }
}
