using NotebookDL.Display.Imaging;
using System.Buffers.Binary;
using System.Text;

namespace NotebookDL.Serialization;

/// <summary>
/// Writes a zip archive of uncompressed ("stored") entries whose data start on 64-byte boundaries, as PyTorch's
/// own writer does (so that readers may map tensor data in place). The padding goes in each local header's extra
/// field. No ZIP64: archives are limited to 4 GiB and 65,535 entries, which is checked.
/// </summary>
internal sealed class AlignedZipWriter : IDisposable
{
    private const int Alignment = 64;
    private const ushort PaddingFieldId = 0x4246; // "FB", the id PyTorch's writer gives its padding field
    private const ushort DosDate1980 = (1 << 5) | 1; // 1980-01-01: fixed so that saving is reproducible

    private readonly Stream _stream;
    private readonly List<(byte[] Name, uint Crc, uint Size, uint Offset)> _entries = new();

    public AlignedZipWriter(Stream stream) => _stream = stream;

    public void Add(string name, ReadOnlySpan<byte> data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var offset = _stream.Position;
        if (offset + data.Length + 1024 > uint.MaxValue || _entries.Count >= ushort.MaxValue)
            throw new NotSupportedException("torch.save here writes archives up to 4 GiB and 65,535 tensors (no ZIP64).");
        var crc = Crc32.Compute(data);

        const int headerSize = 30;
        var unpadded = offset + headerSize + nameBytes.Length + 4;
        var padding = (int)((Alignment - unpadded % Alignment) % Alignment);
        var extraLength = 4 + padding;

        Span<byte> header = stackalloc byte[headerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20); // version needed: 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0); // flags
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], 0); // method: stored
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0); // time
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosDate1980);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)extraLength);
        _stream.Write(header);
        _stream.Write(nameBytes);

        Span<byte> extra = stackalloc byte[extraLength];
        extra.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(extra, PaddingFieldId);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)padding);
        _stream.Write(extra);
        _stream.Write(data);
        _entries.Add((nameBytes, crc, (uint)data.Length, (uint)offset));
    }

    /// <summary>Writes the central directory and the end record.</summary>
    public void Dispose()
    {
        var directoryStart = _stream.Position;
        Span<byte> entry = stackalloc byte[46];
        foreach (var (name, crc, size, offset) in _entries)
        {
            entry.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(entry, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[4..], 20); // version made by
            BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], 20); // version needed
            BinaryPrimitives.WriteUInt16LittleEndian(entry[14..], DosDate1980);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[20..], size);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[42..], offset);
            _stream.Write(entry);
            _stream.Write(name);
        }
        var directorySize = _stream.Position - directoryStart;

        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryStart);
        _stream.Write(end);
    }
}
