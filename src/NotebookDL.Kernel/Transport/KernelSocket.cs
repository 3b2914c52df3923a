using NetMQ;
using NetMQ.Sockets;

namespace NotebookDL.Kernel.Transport;

/// <summary>The ZeroMQ socket kinds a Jupyter kernel binds.</summary>
internal enum SocketKind { Router, Publisher, Reply }

/// <summary>
/// One bound ZeroMQ socket (NetMQ, managed: no native library to install) sending and receiving multipart messages.
/// Not thread-safe (ZeroMQ sockets never are): callers that share a socket across threads (iopub) serialise through
/// <see cref="SyncRoot"/>. <see cref="Poll"/> receives into a one-message buffer that <see cref="Receive"/> hands out,
/// so a poll-then-read loop reads each message exactly once.
/// </summary>
internal sealed class KernelSocket : IDisposable
{
    private readonly NetMQSocket socket;
    private List<byte[]>? pending;
    private bool disposed;

    public KernelSocket(SocketKind kind, string endpoint)
    {
        socket = kind switch
        {
            SocketKind.Router => new RouterSocket(),
            SocketKind.Publisher => new PublisherSocket(),
            _ => new ResponseSocket(),
        };
        // Bounded linger: pending iopub output (the final 'idle') still goes out at shutdown, but a vanished
        // client cannot keep the process alive forever.
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        if (kind == SocketKind.Router) socket.Options.RouterHandover = true; // a reconnecting client keeps its identity
        try
        {
            socket.Bind(endpoint);
        }
        catch (Exception ex) when (ex is NetMQException or System.Net.Sockets.SocketException)
        {
            socket.Dispose();
            throw new InvalidOperationException($"Cannot bind {endpoint}: {ex.Message}. Is another kernel using this port?", ex);
        }
        Endpoint = endpoint;
    }

    /// <summary>The address this socket is bound to.</summary>
    public string Endpoint { get; }

    /// <summary>Lock to hold while sending from a thread that does not own the socket.</summary>
    public object SyncRoot { get; } = new();

    /// <summary>Sends all frames as one multipart message.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
            socket.SendFrame(frames[i], more: i < frames.Count - 1);
    }

    /// <summary>Receives one whole multipart message (blocking), or null once the socket is disposed.</summary>
    public List<byte[]>? Receive()
    {
        if (pending is { } message)
        {
            pending = null;
            return message;
        }
        while (!disposed)
            if (Poll(100)) return Receive();
        return null;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a message to read; false on timeout.</summary>
    public bool Poll(int timeoutMs)
    {
        if (pending is not null) return true;
        if (disposed) return false;
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(timeoutMs), ref frames)) return false;
        pending = frames;
        return true;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        socket.Dispose();
    }
}
