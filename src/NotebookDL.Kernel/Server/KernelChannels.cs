using NotebookDL.Kernel.Protocol;
using NetMQ;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// The five bound sockets of a kernel plus the codec that signs what goes out. Each socket has one owning
/// thread, except iopub, which every thread publishes on and therefore sends under a lock.
/// </summary>
internal sealed class KernelChannels : IDisposable
{
    public KernelChannels(ConnectionInfo info)
    {
        Codec = new WireCodec(new MessageSigner(info.Key));
        Shell = new KernelSocket(SocketKind.Router, info.Endpoint(info.ShellPort));
        Control = new KernelSocket(SocketKind.Router, info.Endpoint(info.ControlPort));
        Stdin = new KernelSocket(SocketKind.Router, info.Endpoint(info.StdinPort));
        Iopub = new KernelSocket(SocketKind.Publisher, info.Endpoint(info.IopubPort));
        Heartbeat = new KernelSocket(SocketKind.Reply, info.Endpoint(info.HeartbeatPort));
    }

    public WireCodec Codec { get; }
    public KernelSocket Shell { get; }
    public KernelSocket Control { get; }
    public KernelSocket Stdin { get; }
    public KernelSocket Iopub { get; }
    public KernelSocket Heartbeat { get; }

    /// <summary>Signs and sends <paramref name="message"/> on <paramref name="socket"/> (thread-safe).</summary>
    public void Send(KernelSocket socket, JupyterMessage message)
    {
        var frames = Codec.Encode(message);
        lock (socket.SyncRoot) socket.Send(frames);
    }

    public void Dispose()
    {
        foreach (var socket in new[] { Shell, Control, Stdin, Iopub, Heartbeat }) socket.Dispose();
        // NetMQ's I/O threads are process-wide; let lingering output go out without blocking shutdown forever.
        NetMQConfig.Cleanup(block: false);
    }
}
