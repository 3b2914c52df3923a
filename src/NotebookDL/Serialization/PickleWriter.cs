using System.Buffers.Binary;
using System.Text;
using static NotebookDL.Serialization.PickleOpcodes;

namespace NotebookDL.Serialization;

/// <summary>
/// Emits protocol-2 pickle opcodes, the subset torch.save uses, so that Python's <c>torch.load</c> reads the result.
/// The caller composes the program (e.g. GLOBAL, MARK, ..., TUPLE, REDUCE); nothing is memoised, which the
/// unpickler does not require.
/// </summary>
internal sealed class PickleWriter
{
    private readonly MemoryStream _out = new();

    public PickleWriter() => Op(PROTO).WriteByte(2);

    public byte[] ToArray() => _out.ToArray();

    public PickleWriter Op(byte opcode)
    {
        _out.WriteByte(opcode);
        return this;
    }

    private void WriteByte(byte value) => _out.WriteByte(value);

    public PickleWriter Global(string module, string name)
    {
        Op(GLOBAL);
        _out.Write(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));
        return this;
    }

    public PickleWriter String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
        Op(BINUNICODE);
        _out.Write(length);
        _out.Write(bytes);
        return this;
    }

    /// <summary>The shortest encoding CPython would pick: BININT1, BININT2, BININT, else LONG1.</summary>
    public PickleWriter Int(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        if (value is >= 0 and <= byte.MaxValue) return Op(BININT1).Raw([(byte)value]);
        if (value is >= 0 and <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)value);
            return Op(BININT2).Raw(buffer[..2]);
        }
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)value);
            return Op(BININT).Raw(buffer[..4]);
        }
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        // Drop sign-extension bytes but keep the sign bit of the last byte correct (two's complement, little-endian).
        var length = 8;
        while (length > 1 && ((buffer[length - 1] == 0 && buffer[length - 2] < 0x80) || (buffer[length - 1] == 0xff && buffer[length - 2] >= 0x80)))
            length--;
        Op(LONG1).WriteByte((byte)length);
        return Raw(buffer[..length]);
    }

    public PickleWriter Bool(bool value) => Op(value ? NEWTRUE : NEWFALSE);

    /// <summary>A tuple of integers (sizes and strides): EMPTY_TUPLE, or MARK ... TUPLE.</summary>
    public PickleWriter IntTuple(IReadOnlyList<long> values)
    {
        if (values.Count == 0) return Op(EMPTY_TUPLE);
        Op(MARK);
        foreach (var v in values) Int(v);
        return Op(TUPLE);
    }

    private PickleWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _out.Write(bytes);
        return this;
    }
}
