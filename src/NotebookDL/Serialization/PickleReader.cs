using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using static NotebookDL.Serialization.PickleOpcodes;

namespace NotebookDL.Serialization;

/// <summary>
/// A small unpickler for what torch.save writes: protocol-2 pickles of dicts, tuples, numbers, strings and
/// tensors rebuilt from persistent storage ids. Python globals are resolved by <c>findClass</c> (there is no
/// Python here, so only known names are allowed) and persistent ids by <c>persistentLoad</c>. Any other opcode
/// fails with its name, so an unsupported file is reported rather than misread.
/// </summary>
internal sealed class PickleReader
{
    private readonly byte[] _data;
    private readonly string _source;
    private readonly Func<string, string, object> _findClass;
    private readonly Func<object?[], object?> _persistentLoad;
    private readonly List<object?> _stack = new();
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = new();
    private int _pos;

    /// <param name="data">The pickle bytes.</param>
    /// <param name="source">Where they came from, for error messages (e.g. "model.pt:archive/data.pkl").</param>
    /// <param name="findClass">(module, name) to the object a GLOBAL names; throws for names it does not allow.</param>
    /// <param name="persistentLoad">The persistent-id tuple to the object it stands for (a storage).</param>
    public PickleReader(byte[] data, string source, Func<string, string, object> findClass, Func<object?[], object?> persistentLoad)
    {
        _data = data;
        _source = source;
        _findClass = findClass;
        _persistentLoad = persistentLoad;
    }

    /// <summary>Runs the pickle program to its STOP and returns the object on top of the stack.</summary>
    public object? Load()
    {
        while (true)
        {
            var at = _pos;
            var op = ReadByte();
            switch (op)
            {
                case PROTO: ReadByte(); break;
                case FRAME: Read(8); break; // a length hint only; the frame's opcodes follow inline
                case STOP: return Pop();
                case GLOBAL: Push(_findClass(ReadLine(), ReadLine())); break;
                case BINPUT: _memo[ReadByte()] = Top(); break;
                case LONG_BINPUT: _memo[BinaryPrimitives.ReadUInt32LittleEndian(Read(4))] = Top(); break;
                case BINGET: Push(Memo(ReadByte())); break;
                case LONG_BINGET: Push(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Read(4)))); break;
                case MARK: _marks.Push(_stack.Count); break;
                case EMPTY_DICT: Push(new PickleDict()); break;
                case EMPTY_TUPLE: Push(Array.Empty<object?>()); break;
                case EMPTY_LIST: Push(new List<object?>()); break;
                case TUPLE: Push(PopMark().ToArray()); break;
                case TUPLE1: Push(PopN(1)); break;
                case TUPLE2: Push(PopN(2)); break;
                case TUPLE3: Push(PopN(3)); break;
                case BININT: Push((long)BinaryPrimitives.ReadInt32LittleEndian(Read(4))); break;
                case BININT1: Push((long)ReadByte()); break;
                case BININT2: Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Read(2))); break;
                case LONG1: Push(ReadLong1()); break;
                case BINFLOAT: Push(BinaryPrimitives.ReadDoubleBigEndian(Read(8))); break;
                case BINUNICODE: Push(ReadString(checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Read(4))))); break;
                case SHORT_BINUNICODE: Push(ReadString(ReadByte())); break;
                case NEWTRUE: Push(true); break;
                case NEWFALSE: Push(false); break;
                case NONE: Push(null); break;
                case REDUCE: Reduce(at); break;
                case BUILD: Build(at); break;
                case BINPERSID: Push(_persistentLoad(Pop() as object?[] ?? throw Corrupt(at, "a persistent id that is not a tuple"))); break;
                case SETITEM: SetItems(at, PopN(2)); break;
                case SETITEMS: SetItems(at, PopMark()); break;
                case APPEND: Append(at, PopN(1)); break;
                case APPENDS: Append(at, PopMark()); break;
                default:
                    throw new InvalidDataException(
                        $"{_source}: unsupported pickle opcode {Name(op)} (0x{op:x2}) at byte {at}. NotebookDL's torch.load reads " +
                        "state dicts written by torch.save (dicts of tensors); save plain state_dict() objects.");
            }
        }
    }

    private void Reduce(int at)
    {
        var args = Pop() as object?[] ?? throw Corrupt(at, "REDUCE arguments that are not a tuple");
        var callable = Pop() as PickleCallable ?? throw Corrupt(at, "REDUCE on something that is not callable");
        Push(callable(args));
    }

    // BUILD sets an object's state. torch.save only builds OrderedDicts with a __dict__ such as {'_metadata': ...}.
    private void Build(int at)
    {
        var state = Pop();
        if (Top() is not PickleDict target) throw Corrupt(at, "BUILD on an object that is not a dict");
        if (state is PickleDict attributes)
            foreach (var (key, value) in attributes.Items)
                target.Attributes[key as string ?? throw Corrupt(at, "an attribute name that is not a string")] = value;
    }

    private void SetItems(int at, IReadOnlyList<object?> pairs)
    {
        if (Top() is not PickleDict dict) throw Corrupt(at, "SETITEM(S) on something that is not a dict");
        if (pairs.Count % 2 != 0) throw Corrupt(at, "SETITEMS with an odd number of values");
        for (var i = 0; i < pairs.Count; i += 2) dict.Items.Add(new(pairs[i], pairs[i + 1]));
    }

    private void Append(int at, IReadOnlyList<object?> items)
    {
        if (Top() is not List<object?> list) throw Corrupt(at, "APPEND(S) on something that is not a list");
        list.AddRange(items);
    }

    private object? Memo(long key) =>
        _memo.TryGetValue(key, out var value) ? value : throw Corrupt(_pos, $"a memo reference {key} that was never stored");

    private void Push(object? value) => _stack.Add(value);

    private object? Top() => _stack.Count > 0 ? _stack[^1] : throw Corrupt(_pos, "an empty stack");

    private object? Pop()
    {
        var value = Top();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object?[] PopN(int n)
    {
        if (_stack.Count < n) throw Corrupt(_pos, "a stack underflow");
        var items = _stack.GetRange(_stack.Count - n, n).ToArray();
        _stack.RemoveRange(_stack.Count - n, n);
        return items;
    }

    private List<object?> PopMark()
    {
        if (_marks.Count == 0) throw Corrupt(_pos, "a missing MARK");
        var start = _marks.Pop();
        var items = _stack.GetRange(start, _stack.Count - start);
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private byte ReadByte()
    {
        if (_pos >= _data.Length) throw Corrupt(_pos, "an end before STOP (the pickle is truncated)");
        return _data[_pos++];
    }

    private ReadOnlySpan<byte> Read(int count)
    {
        if (count < 0 || _pos + count > _data.Length) throw Corrupt(_pos, "an end before STOP (the pickle is truncated)");
        var span = _data.AsSpan(_pos, count);
        _pos += count;
        return span;
    }

    private string ReadString(int length) => Encoding.UTF8.GetString(Read(length));

    private string ReadLine()
    {
        var end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Corrupt(_pos, "a GLOBAL name without its newline");
        var line = Encoding.UTF8.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return line;
    }

    // LONG1: a length byte, then that many bytes of a little-endian two's-complement integer.
    private object ReadLong1()
    {
        var bytes = Read(ReadByte());
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private InvalidDataException Corrupt(int at, string what) =>
        new($"{_source}: corrupt pickle, found {what} at byte {at}.");
}
