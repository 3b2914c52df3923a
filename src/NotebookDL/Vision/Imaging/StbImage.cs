using System.Runtime.InteropServices;

namespace NotebookDL.Vision;

/// <summary>
/// P/Invoke over Debian's stb_image shared library (package libstb0). Debian builds it with thread-local failure
/// reasons (the .so has a TLS segment), so <see cref="stbi_failure_reason"/> read right after a failed call on the
/// same thread is that call's reason, even with several loader workers decoding at once.
/// </summary>
internal static unsafe partial class StbImage
{
    private const string Library = "libstb.so.0";

    [LibraryImport(Library)]
    internal static partial byte* stbi_load_from_memory(byte* buffer, int length, out int width, out int height, out int channelsInFile, int desiredChannels);

    [LibraryImport(Library)]
    internal static partial int stbi_info_from_memory(byte* buffer, int length, out int width, out int height, out int channels);

    [LibraryImport(Library)]
    internal static partial void stbi_image_free(byte* pixels);

    [LibraryImport(Library)]
    internal static partial IntPtr stbi_failure_reason();

    /// <summary>The reason stb gave for the last failure on this thread ("unknown" if it gave none).</summary>
    internal static string FailureReason() => Marshal.PtrToStringUTF8(stbi_failure_reason()) ?? "unknown";

    /// <summary>Runs a call into libstb, turning a missing library into an exception that says what to install.</summary>
    internal static T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"{Library} (stb_image) was not found; NotebookDL decodes PNG, JPEG and BMP with it. " +
                "Install it with `apt-get install libstb0`.", e);
        }
    }
}
