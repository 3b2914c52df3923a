namespace NotebookDL.Kernel.Server;

/// <summary>The execution_state values published on iopub.</summary>
internal enum KernelStatus { Starting, Busy, Idle }

internal static class KernelStatusExtensions
{
    /// <summary>The protocol spelling of a status.</summary>
    public static string ToWire(this KernelStatus status) => status switch
    {
        KernelStatus.Starting => "starting",
        KernelStatus.Busy => "busy",
        _ => "idle",
    };
}
