namespace NotebookDL.Serialization;

/// <summary>
/// The pickle opcodes torch.save (protocol 2) emits, plus the names of the others so that an unsupported one can be
/// reported by name. Values are the opcode bytes of CPython's pickle module.
/// </summary>
internal static class PickleOpcodes
{
    public const byte PROTO = 0x80, FRAME = 0x95, STOP = (byte)'.';
    public const byte GLOBAL = (byte)'c', BINPERSID = (byte)'Q', REDUCE = (byte)'R', BUILD = (byte)'b';
    public const byte BINPUT = (byte)'q', LONG_BINPUT = (byte)'r', BINGET = (byte)'h', LONG_BINGET = (byte)'j';
    public const byte MARK = (byte)'(', EMPTY_DICT = (byte)'}', EMPTY_TUPLE = (byte)')', EMPTY_LIST = (byte)']';
    public const byte TUPLE = (byte)'t', TUPLE1 = 0x85, TUPLE2 = 0x86, TUPLE3 = 0x87;
    public const byte BININT = (byte)'J', BININT1 = (byte)'K', BININT2 = (byte)'M', LONG1 = 0x8a, BINFLOAT = (byte)'G';
    public const byte BINUNICODE = (byte)'X', SHORT_BINUNICODE = 0x8c;
    public const byte NEWTRUE = 0x88, NEWFALSE = 0x89, NONE = (byte)'N';
    public const byte SETITEM = (byte)'s', SETITEMS = (byte)'u', APPEND = (byte)'a', APPENDS = (byte)'e';

    /// <summary>CPython's name for any opcode byte, for error messages.</summary>
    public static string Name(byte op) => op switch
    {
        PROTO => "PROTO", FRAME => "FRAME", STOP => "STOP", GLOBAL => "GLOBAL", BINPERSID => "BINPERSID", REDUCE => "REDUCE",
        BUILD => "BUILD", BINPUT => "BINPUT", LONG_BINPUT => "LONG_BINPUT", BINGET => "BINGET", LONG_BINGET => "LONG_BINGET",
        MARK => "MARK", EMPTY_DICT => "EMPTY_DICT", EMPTY_TUPLE => "EMPTY_TUPLE", EMPTY_LIST => "EMPTY_LIST", TUPLE => "TUPLE",
        TUPLE1 => "TUPLE1", TUPLE2 => "TUPLE2", TUPLE3 => "TUPLE3", BININT => "BININT", BININT1 => "BININT1", BININT2 => "BININT2",
        LONG1 => "LONG1", BINFLOAT => "BINFLOAT", BINUNICODE => "BINUNICODE", SHORT_BINUNICODE => "SHORT_BINUNICODE",
        NEWTRUE => "NEWTRUE", NEWFALSE => "NEWFALSE", NONE => "NONE", SETITEM => "SETITEM", SETITEMS => "SETITEMS",
        APPEND => "APPEND", APPENDS => "APPENDS",
        (byte)'0' => "POP", (byte)'1' => "POP_MARK", (byte)'2' => "DUP", (byte)'F' => "FLOAT", (byte)'I' => "INT",
        (byte)'L' => "LONG", (byte)'P' => "PERSID", (byte)'S' => "STRING", (byte)'T' => "BINSTRING", (byte)'U' => "SHORT_BINSTRING",
        (byte)'V' => "UNICODE", (byte)'d' => "DICT", (byte)'g' => "GET", (byte)'i' => "INST", (byte)'l' => "LIST",
        (byte)'o' => "OBJ", (byte)'p' => "PUT", (byte)'B' => "BINBYTES", (byte)'C' => "SHORT_BINBYTES",
        0x81 => "NEWOBJ", 0x82 => "EXT1", 0x83 => "EXT2", 0x84 => "EXT4", 0x8b => "LONG4", 0x8d => "BINUNICODE8",
        0x8e => "BINBYTES8", 0x8f => "EMPTY_SET", 0x90 => "ADDITEMS", 0x91 => "FROZENSET", 0x92 => "NEWOBJ_EX",
        0x93 => "STACK_GLOBAL", 0x94 => "MEMOIZE", 0x96 => "BYTEARRAY8", 0x97 => "NEXT_BUFFER", 0x98 => "READONLY_BUFFER",
        _ => "an unknown opcode",
    };
}
