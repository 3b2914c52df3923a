using System.Runtime.CompilerServices;
using NotebookDL.Engine;

namespace NotebookDL.Tests;

/// <summary>
/// The test process trains as a host would: malloc thresholds and the Scalar sweep that ProcessSetup.Apply turns on
/// (the memory tests measure what users get in our kernel). Not the adaptive thread policy: ThreadPolicyTests drive
/// it themselves.
/// </summary>
internal static class ProcessSettings
{
    [ModuleInitializer]
    internal static void Apply()
    {
        MallocTuning.Apply();
        ScalarSweep.Enable();
    }
}
