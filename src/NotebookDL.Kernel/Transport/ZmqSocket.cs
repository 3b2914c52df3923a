namespace NotebookDL.Kernel.Transport;

/// <summary>
/// One bound ZeroMQ socket sending and receiving multipart messages. Not thread-safe (ZeroMQ sockets never are):
/// callers that share a socket across threads (iopub) serialise through <see cref="SyncRoot"/>.
/// </summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    private nint handle;

    public ZmqSocket(ZmqContext context, int type, string endpoint)
    {
        handle = ZmqNative.Socket(context.Handle, type);
        if (handle == 0) throw new InvalidOperationException($"zmq_socket failed: {ZmqNative.LastError()}");
        // Bounded linger: pending iopub output (the final 'idle') still goes out at shutdown, but a vanished
        // client cannot keep the process alive forever.
        SetInt(ZmqNative.LINGER, 1000);
        if (type == ZmqNative.ROUTER) SetInt(ZmqNative.ROUTER_HANDOVER, 1); // a reconnecting client keeps its identity
        if (ZmqNative.Bind(handle, endpoint) != 0)
            throw new InvalidOperationException($"Cannot bind {endpoint}: {ZmqNative.LastError()}. Is another kernel using this port?");
        Endpoint = endpoint;
    }

    /// <summary>The address this socket is bound to.</summary>
    public string Endpoint { get; }

    /// <summary>Lock to hold while sending from a thread that does not own the socket.</summary>
    public object SyncRoot { get; } = new();

    internal nint Handle => handle;

    private void SetInt(int option, int value) => ZmqNative.SetSockOpt(handle, option, &value, sizeof(int));

    /// <summary>Sends all frames as one multipart message; blocks only as ZeroMQ's high-water mark dictates.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            int flags = i < frames.Count - 1 ? ZmqNative.SNDMORE : 0;
            fixed (byte* p = frames[i])
            {
                while (ZmqNative.Send(handle, p, (nuint)frames[i].Length, flags) < 0)
                {
                    if (ZmqNative.Errno() == ZmqNative.EINTR) continue; // a signal arrived; the frame was not sent
                    throw new IOException($"zmq_send on {Endpoint} failed: {ZmqNative.LastError()}");
                }
            }
        }
    }

    /// <summary>Receives one whole multipart message (blocking), or null if the context is shutting down.</summary>
    public List<byte[]>? Receive()
    {
        var frames = new List<byte[]>();
        ZmqNative.Msg msg;
        while (true)
        {
            ZmqNative.MsgInit(&msg);
            int rc;
            while ((rc = ZmqNative.MsgRecv(&msg, handle, 0)) < 0 && ZmqNative.Errno() == ZmqNative.EINTR) { }
            if (rc < 0)
            {
                ZmqNative.MsgClose(&msg);
                if (ZmqNative.Errno() == ZmqNative.ETERM) return null;
                throw new IOException($"zmq_msg_recv on {Endpoint} failed: {ZmqNative.LastError()}");
            }
            frames.Add(new ReadOnlySpan<byte>(ZmqNative.MsgData(&msg), (int)ZmqNative.MsgSize(&msg)).ToArray());
            bool more = ZmqNative.MsgMore(&msg) != 0;
            ZmqNative.MsgClose(&msg);
            if (!more) return frames;
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a message to read; false on timeout.</summary>
    public bool Poll(int timeoutMs) => PollAny([this], timeoutMs) >= 0;

    /// <summary>Waits for any of <paramref name="sockets"/> to become readable; returns its index or -1 on timeout.</summary>
    public static int PollAny(IReadOnlyList<ZmqSocket> sockets, int timeoutMs)
    {
        var items = stackalloc ZmqNative.PollItem[sockets.Count];
        for (int i = 0; i < sockets.Count; i++)
            items[i] = new ZmqNative.PollItem { Socket = sockets[i].handle, Events = ZmqNative.POLLIN };
        int rc = ZmqNative.Poll(items, sockets.Count, timeoutMs);
        if (rc < 0)
        {
            int errno = ZmqNative.Errno();
            if (errno == ZmqNative.EINTR) return -1;
            if (errno == ZmqNative.ETERM) throw new OperationCanceledException("ZeroMQ context terminated");
            throw new IOException($"zmq_poll failed: {ZmqNative.LastError()}");
        }
        for (int i = 0; i < sockets.Count; i++)
            if ((items[i].Revents & ZmqNative.POLLIN) != 0) return i;
        return -1;
    }

    public void Dispose()
    {
        if (handle != 0) ZmqNative.Close(handle);
        handle = 0;
    }
}
