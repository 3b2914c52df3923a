using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests;

/// <summary>The connection file Jupyter writes, read as the kernel reads it at start-up.</summary>
public class ConnectionInfoTests
{
    [Fact]
    public void A_jupyter_connection_file_gives_ports_key_and_endpoints()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
                 "ip": "127.0.0.1", "key": "a-key", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "notebookdl"}
                """);
            var info = ConnectionInfo.Load(path);
            Assert.Equal((50001, 50002, 50003, 50004, 50005), (info.ShellPort, info.IopubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort));
            Assert.Equal("a-key", info.Key);
            Assert.Equal("tcp://127.0.0.1:50001", info.Endpoint(info.ShellPort));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"shell_port": "fifty", "key": ""}""");
            var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Load(path));
            Assert.Contains("shell_port", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
