using System.Text.Json.Nodes;
using NotebookDL.Kernel.Install;

namespace NotebookDL.Kernel.Tests;

public class KernelSpecInstallerTests
{
    [Fact]
    public void Install_into_a_prefix_writes_kernel_json_and_logo_and_uninstall_removes_them()
    {
        var prefix = Directory.CreateTempSubdirectory("nbdl-spec").FullName;
        try
        {
            var dir = KernelSpecInstaller.Install(InstallScope.Prefix, prefix);
            Assert.Equal(Path.Combine(prefix, "share", "jupyter", "kernels", "notebookdl"), dir);

            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "kernel.json")))!;
            Assert.Equal("C# (NotebookDL)", (string?)spec["display_name"]);
            Assert.Equal("C#", (string?)spec["language"]);
            Assert.Equal("message", (string?)spec["interrupt_mode"]);
            var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
            Assert.Equal("{connection_file}", argv[^1]);
            Assert.True(File.Exists(argv[0]), $"argv[0] {argv[0]} must exist");

            var png = File.ReadAllBytes(Path.Combine(dir, "logo-64x64.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(64, png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19]); // IHDR width

            Assert.Equal(dir, KernelSpecInstaller.Uninstall(InstallScope.Prefix, prefix));
            Assert.False(Directory.Exists(dir));
            Assert.Null(KernelSpecInstaller.Uninstall(InstallScope.Prefix, prefix));
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    [Fact]
    public void User_scope_follows_xdg_data_home()
    {
        var old = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/jupyter/kernels", KernelSpecInstaller.KernelsDirectory(InstallScope.User));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", old);
        }
    }
}
