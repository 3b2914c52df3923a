using System.Buffers.Binary;
using System.Text;

namespace NotebookDL.Serialization.Onnx;

/// <summary>
/// Reads Protocol Buffers' wire format field by field (varints, fixed 32/64-bit, length-delimited), which is all an
/// ONNX file is. Every read checks the bounds, so a truncated or foreign file is reported with the offset where it
/// stops making sense instead of being misread.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _source;
    private readonly int _base;
    private int _pos;

    public ProtoReader(ReadOnlySpan<byte> data, string source, int baseOffset = 0)
    {
        _data = data;
        _source = source;
        _base = baseOffset;
        _pos = 0;
    }

    public readonly bool AtEnd => _pos >= _data.Length;

    /// <summary>The next field's number and wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        var field = (int)(tag >> 3);
        var wire = (int)(tag & 7);
        if (field == 0 || wire is 3 or 4 or 6 or 7) throw Corrupt($"a field tag ({tag}) that protocol buffers do not use");
        return (field, wire);
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length) throw Corrupt("the file ends inside a number");
            var b = _data[_pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw Corrupt("a number longer than 10 bytes");
    }

    public long ReadInt64() => (long)ReadVarint();

    public float ReadFixed32Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>A length-delimited field's bytes, and the offset where they start (for nested readers' messages).</summary>
    public ReadOnlySpan<byte> ReadBytes(out int offset)
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _pos)) throw Corrupt($"a field of {length:N0} bytes where {_data.Length - _pos:N0} remain");
        offset = _base + _pos;
        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes(out _));

    /// <summary>A nested message's reader.</summary>
    public ProtoReader ReadMessage()
    {
        var bytes = ReadBytes(out var offset);
        return new ProtoReader(bytes, _source, offset);
    }

    /// <summary>Repeated int64 in either encoding: packed (one length-delimited run) or one varint per field.</summary>
    public void ReadInt64s(int wireType, List<long> into)
    {
        if (wireType == 0)
        {
            into.Add(ReadInt64());
            return;
        }
        var packed = ReadMessage();
        while (!packed.AtEnd) into.Add(packed.ReadInt64());
    }

    /// <summary>Repeated float in either encoding: packed or one fixed32 per field.</summary>
    public void ReadFloats(int wireType, List<float> into)
    {
        if (wireType == 5)
        {
            into.Add(ReadFixed32Float());
            return;
        }
        var bytes = ReadBytes(out _);
        if (bytes.Length % 4 != 0) throw Corrupt($"packed floats of {bytes.Length} bytes, not a multiple of 4");
        for (var i = 0; i < bytes.Length; i += 4) into.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes[i..]));
    }

    /// <summary>Skips a field this reader does not use.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: Take(8); break;
            case 2: ReadBytes(out _); break;
            case 5: Take(4); break;
            default: throw Corrupt($"wire type {wireType}");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _pos) throw Corrupt($"the file ends {count - (_data.Length - _pos)} bytes early");
        var slice = _data.Slice(_pos, count);
        _pos += count;
        return slice;
    }

    private readonly InvalidDataException Corrupt(string what) =>
        new($"'{_source}' is not a valid ONNX model (protocol buffers): {what} at byte {_base + _pos:N0}.");
}
