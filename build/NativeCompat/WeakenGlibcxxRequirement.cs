#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Text;
#if !NOTEBOOKDL_RUNTIME
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Lets TorchSharp's native library load on systems whose libstdc++ is older than the GCC 13 it was built with
/// (Debian 12 ships GCC 12's). <c>libLibTorchSharp.so</c> requires the symbol version <c>GLIBCXX_3.4.32</c> for a
/// single symbol, <c>std::ios_base_library_init()</c>, which GCC 13's &lt;iostream&gt; only references (an
/// assembler <c>.globl</c>, no relocation) to force linking against the newer library; nothing ever binds or calls
/// it. The dynamic linker still refuses a library whose required version is missing, unless the requirement is
/// marked weak (<c>VER_FLG_WEAK</c> in its <c>.gnu.version_r</c> entry). This task sets that one flag in the copy
/// in the build output, and only when the system libstdc++ lacks the version; the NuGet cache is never touched
/// (the patched bytes go to a new file that replaces the copy). The .NET Interactive extension, whose host loads
/// TorchSharp straight from the NuGet cache, compiles this file too (NOTEBOOKDL_RUNTIME) and patches a copy of its own.
/// </summary>
public sealed class WeakenGlibcxxRequirement : Task
{
    /// <summary>The copies of libLibTorchSharp.so in the build or publish output.</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = [];

    public override bool Execute()
    {
        var libstdcxx = GlibcxxRequirement.SystemLibStdCxx();
        if (libstdcxx is null || !GlibcxxRequirement.Lacks(libstdcxx)) return true;
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            byte[]? weakened;
            try
            {
                weakened = GlibcxxRequirement.Weakened(File.ReadAllBytes(path));
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"NotebookDL: {path}: {e.Message}");
                continue;
            }
            if (weakened is not null)
            {
                // A new file replaces the copy, so a hard link into the NuGet cache is never written through.
                var temp = path + ".nbdl-tmp";
                File.WriteAllBytes(temp, weakened);
                File.Delete(path);
                File.Move(temp, path);
            }
            Log.LogMessage(MessageImportance.High,
                weakened is not null
                    ? $"NotebookDL: {libstdcxx} lacks {GlibcxxRequirement.Version}; marked that version requirement weak in {path} (see README, 'Older Linux')."
                    : $"NotebookDL: {path} already loads with {libstdcxx}.");
        }
        return !Log.HasLoggedErrors;
    }
}
#endif

/// <summary>The ELF work: does the system libstdc++ lack GLIBCXX_3.4.32, and a library's bytes with that requirement weak.</summary>
internal static class GlibcxxRequirement
{
    public const string Version = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The libstdc++ the dynamic linker will pick on the usual multiarch/lib64 layouts; null where there is none (not Linux).</summary>
    public static string? SystemLibStdCxx()
    {
        var dirs = new[] { "/usr/lib64", "/lib64", "/usr/lib", "/lib" }
            .Concat(Directory.Exists("/usr/lib") ? Directory.GetDirectories("/usr/lib", "*-linux-gnu") : []);
        return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>Whether <paramref name="libstdcxx"/> does not define <see cref="Version"/>.</summary>
    public static bool Lacks(string libstdcxx) => !Contains(File.ReadAllBytes(libstdcxx), Version);

    // (The build task compiles against netstandard2.0: no spans.)
    private static bool Contains(byte[] haystack, string needle)
    {
        var n = Encoding.ASCII.GetBytes(needle);
        for (var i = Array.IndexOf(haystack, n[0]); i >= 0 && i <= haystack.Length - n.Length; i = Array.IndexOf(haystack, n[0], i + 1))
        {
            var j = 1;
            while (j < n.Length && haystack[i + j] == n[j]) j++;
            if (j == n.Length) return true;
        }
        return false;
    }

    /// <summary>
    /// <paramref name="elf"/> with VER_FLG_WEAK set on every GLIBCXX_3.4.32 requirement, or null when there was
    /// nothing to change.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a 64-bit little-endian ELF file.</exception>
    public static byte[]? Weakened(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        elf = (byte[])elf.Clone();
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        long Section(int i) => shoff + (long)i * shentsize;
        var changed = false;
        for (var i = 0; i < shnum; i++)
        {
            if (BitConverter.ToUInt32(elf, (int)Section(i) + 4) != ShtGnuVerneed) continue;
            var offset = (long)BitConverter.ToUInt64(elf, (int)Section(i) + 24);
            var strtab = (long)BitConverter.ToUInt64(elf, (int)Section((int)BitConverter.ToUInt32(elf, (int)Section(i) + 40)) + 24);
            var entries = BitConverter.ToUInt32(elf, (int)Section(i) + 44);
            for (var e = 0; e < entries; e++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                int count = BitConverter.ToUInt16(elf, (int)offset + 2);
                var aux = offset + BitConverter.ToUInt32(elf, (int)offset + 8);
                for (var a = 0; a < count; a++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    var name = CString(elf, strtab + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (name == Version && (flags & VerFlgWeak) == 0)
                    {
                        elf[aux + 4] |= (byte)VerFlgWeak;   // little-endian u16: the flag is in its low byte
                        changed = true;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                offset += BitConverter.ToUInt32(elf, (int)offset + 12);
            }
        }
        return changed ? elf : null;
    }

    private static string CString(byte[] bytes, long start)
    {
        var end = Array.IndexOf(bytes, (byte)0, (int)start);
        return Encoding.ASCII.GetString(bytes, (int)start, end - (int)start);
    }
}
