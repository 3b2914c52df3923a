using System.Runtime.InteropServices;

namespace NotebookDL.Kernel.Transport;

/// <summary>
/// The handful of libzmq 4.x entry points the kernel needs, bound by P/Invoke (NetMQ is not available here).
/// Debian ships the library as <c>libzmq.so.5</c> (package libzmq5).
/// </summary>
internal static unsafe partial class ZmqNative
{
    private const string Lib = "libzmq.so.5";

    public const int PUB = 1;
    public const int REP = 4;
    public const int ROUTER = 6;

    public const int SNDMORE = 2;
    public const int DONTWAIT = 1;
    public const int POLLIN = 1;

    public const int LINGER = 17;
    public const int RCVMORE = 13;
    public const int ROUTER_HANDOVER = 56;

    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ETERM = 156384765;

    /// <summary>zmq_msg_t is an opaque 64-byte, 8-aligned blob in libzmq 4.x.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Msg { private long _first; }

    /// <summary>zmq_pollitem_t on POSIX: socket pointer, fd (int), events, revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public nint Socket;
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Lib, EntryPoint = "zmq_ctx_new")] public static partial nint CtxNew();
    [LibraryImport(Lib, EntryPoint = "zmq_ctx_term")] public static partial int CtxTerm(nint ctx);
    [LibraryImport(Lib, EntryPoint = "zmq_ctx_shutdown")] public static partial int CtxShutdown(nint ctx);
    [LibraryImport(Lib, EntryPoint = "zmq_socket")] public static partial nint Socket(nint ctx, int type);
    [LibraryImport(Lib, EntryPoint = "zmq_close")] public static partial int Close(nint socket);
    [LibraryImport(Lib, EntryPoint = "zmq_bind", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Bind(nint socket, string endpoint);
    [LibraryImport(Lib, EntryPoint = "zmq_setsockopt")]
    public static partial int SetSockOpt(nint socket, int option, void* value, nuint size);
    [LibraryImport(Lib, EntryPoint = "zmq_getsockopt")]
    public static partial int GetSockOpt(nint socket, int option, void* value, nuint* size);
    [LibraryImport(Lib, EntryPoint = "zmq_send")]
    public static partial int Send(nint socket, byte* buffer, nuint length, int flags);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_init")] public static partial int MsgInit(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_recv")] public static partial int MsgRecv(Msg* msg, nint socket, int flags);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_data")] public static partial byte* MsgData(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_size")] public static partial nuint MsgSize(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_more")] public static partial int MsgMore(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_msg_close")] public static partial int MsgClose(Msg* msg);
    [LibraryImport(Lib, EntryPoint = "zmq_poll")] public static partial int Poll(PollItem* items, int count, long timeoutMs);
    [LibraryImport(Lib, EntryPoint = "zmq_errno")] public static partial int Errno();
    [LibraryImport(Lib, EntryPoint = "zmq_strerror")] public static partial nint StrError(int errnum);

    /// <summary>The text of libzmq's last error on this thread, for exception messages.</summary>
    public static string LastError()
    {
        int errno = Errno();
        return $"{Marshal.PtrToStringUTF8(StrError(errno))} (errno {errno})";
    }
}
