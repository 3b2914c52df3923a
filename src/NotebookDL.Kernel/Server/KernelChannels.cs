using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The five bound sockets of a kernel plus the codec that signs what goes out. Each socket has one owning
/// thread, except iopub, which every thread publishes on and therefore sends under a lock.
/// </summary>
internal sealed class KernelChannels : IDisposable
{
    private readonly ZmqContext context = new();

    public KernelChannels(ConnectionInfo info)
    {
        Codec = new WireCodec(new MessageSigner(info.Key));
        Shell = new ZmqSocket(context, ZmqNative.ROUTER, info.Endpoint(info.ShellPort));
        Control = new ZmqSocket(context, ZmqNative.ROUTER, info.Endpoint(info.ControlPort));
        Stdin = new ZmqSocket(context, ZmqNative.ROUTER, info.Endpoint(info.StdinPort));
        Iopub = new ZmqSocket(context, ZmqNative.PUB, info.Endpoint(info.IopubPort));
        Heartbeat = new ZmqSocket(context, ZmqNative.REP, info.Endpoint(info.HeartbeatPort));
    }

    public WireCodec Codec { get; }
    public ZmqSocket Shell { get; }
    public ZmqSocket Control { get; }
    public ZmqSocket Stdin { get; }
    public ZmqSocket Iopub { get; }
    public ZmqSocket Heartbeat { get; }

    /// <summary>Signs and sends <paramref name="message"/> on <paramref name="socket"/> (thread-safe).</summary>
    public void Send(ZmqSocket socket, JupyterMessage message)
    {
        var frames = Codec.Encode(message);
        lock (socket.SyncRoot) socket.Send(frames);
    }

    public void Dispose()
    {
        foreach (var socket in new[] { Shell, Control, Stdin, Iopub, Heartbeat }) socket.Dispose();
        context.Dispose();
    }
}
