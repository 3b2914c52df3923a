using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>kernel_info_reply: who we are and which language we run.</summary>
internal static class KernelInfo
{
    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    public static JsonObject Handle(RequestContext context) => Replies.Ok(new JsonObject
    {
        ["protocol_version"] = MessageFactory.ProtocolVersion,
        ["implementation"] = "notebookdl",
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"NotebookDL C# kernel {Version} (.NET {Environment.Version}, Roslyn scripting)",
        ["debugger"] = false,
        ["help_links"] = new JsonArray
        {
            new JsonObject { ["text"] = "C# language reference", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
            new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" },
        },
    });
}
