namespace NotebookDL.Kernel.Transport;

/// <summary>Owns the libzmq context every kernel socket is created in.</summary>
internal sealed class ZmqContext : IDisposable
{
    public ZmqContext()
    {
        Handle = ZmqNative.CtxNew();
        if (Handle == 0) throw new InvalidOperationException($"zmq_ctx_new failed: {ZmqNative.LastError()}");
    }

    internal nint Handle { get; private set; }

    /// <summary>Terminates the context: blocks until sockets are closed and pending output lingered out.</summary>
    public void Dispose()
    {
        if (Handle == 0) return;
        ZmqNative.CtxTerm(Handle);
        Handle = 0;
    }
}
