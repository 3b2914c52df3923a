using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassifierService.Tests;

/// <summary>
/// Debian's chromium, headless, driven through the DevTools protocol (one page, commands answered in order). Enough to
/// open a page, pick a file in an input, read the page and take a screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly string profile = Directory.CreateTempSubdirectory("nbdl-chromium-").FullName;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private HeadlessChromium(Process process) => this.process = process;

    public static async Task<HeadlessChromium> StartAsync()
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var browser = new HeadlessChromium(null!);
        foreach (var arg in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1000,800",
                     $"--user-data-dir={browser.profile}", "--remote-debugging-port=0", "about:blank" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        browser = new HeadlessChromium(process);
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr gives the port.
        string? line;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("DevTools listening on ", StringComparison.Ordinal))
            if (DateTime.UtcNow > deadline) break;
        if (line is null) throw new InvalidOperationException("chromium exited before opening its DevTools port");
        var port = new Uri(line[(line.IndexOf("ws://", StringComparison.Ordinal))..]).Port;
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is not null) { } });
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser.socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        return browser;
    }

    /// <summary>Sends a DevTools command and returns its result (events in between are skipped).</summary>
    public async Task<JsonNode> Send(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            var reply = JsonNode.Parse(await Receive())!;
            if ((int?)reply["id"] != id) continue;
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public async Task<JsonNode?> Evaluate(string expression) =>
        (await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }))["result"]?["value"];

    private async Task<string> Receive()
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            text.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open) await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }
        catch (WebSocketException) { }
        socket.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
    }
}
