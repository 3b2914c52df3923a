using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NotebookDL.Engine;

namespace NotebookDL.Interactive;

/// <summary>
/// libtorch's errors in .NET Interactive read as PyTorch's one line. The host reports a failed cell with the
/// exception's own text and offers no hook to change it, so the message is trimmed where TorchSharp throws it: a
/// first-chance handler takes the C++ frames off TorchSharp's <see cref="ExternalException"/> messages (they stay in
/// the exception's Data, see <see cref="NativeErrors"/>). Our kernel needs none of this: it formats errors itself.
/// </summary>
internal static class LibTorchMessages
{
    // System.Exception keeps its message in this field (CoreCLR); a test pins that trimming still takes effect.
    private static readonly FieldInfo? MessageField = typeof(Exception).GetField("_message", BindingFlags.Instance | BindingFlags.NonPublic);
    private static int installed;

    public static void Install()
    {
        if (MessageField is null || Interlocked.Exchange(ref installed, 1) == 1) return;
        AppDomain.CurrentDomain.FirstChanceException += Trim;
    }

    private static void Trim(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is not ExternalException ex || ex.GetType() != typeof(ExternalException)) return;
        var (message, frames) = NativeErrors.Split(ex.Message);
        if (frames is null) return;
        ex.Data[NativeErrors.FramesKey] = frames;
        MessageField!.SetValue(ex, message);
    }
}
