using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// In-memory input history of this kernel process (session 1), answering history_request's tail, range and
/// search. Outputs are not recorded, so output=True yields (input, null) pairs.
/// </summary>
internal sealed class ExecutionHistory
{
    private const int Session = 1;
    private readonly List<(int Line, string Input)> entries = [];
    private readonly object gate = new();

    /// <summary>Records the input of execution number <paramref name="line"/>.</summary>
    public void Add(int line, string input)
    {
        lock (gate) entries.Add((line, input));
    }

    public JsonObject Handle(RequestContext context)
    {
        var c = context.Content;
        bool output = c["output"]?.GetValue<bool>() ?? false;
        int? n = c["n"]?.GetValue<int?>();
        List<(int Line, string Input)> selected;
        lock (gate) selected = [.. entries];

        switch ((string?)c["hist_access_type"])
        {
            case "tail":
                selected = Last(selected, n ?? 10);
                break;
            case "range":
                int start = c["start"]?.GetValue<int>() ?? 0;
                int? stop = c["stop"]?.GetValue<int?>();
                selected = [.. selected.Where(e => e.Line >= start && (stop is null || e.Line < stop))];
                break;
            case "search":
                var regex = GlobToRegex((string?)c["pattern"] ?? "*");
                selected = [.. selected.Where(e => regex.IsMatch(e.Input))];
                if (c["unique"]?.GetValue<bool>() ?? false)
                    selected = [.. selected.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line)];
                if (n is not null) selected = Last(selected, n.Value);
                break;
            default:
                selected = [];
                break;
        }

        var history = new JsonArray();
        foreach (var (line, input) in selected)
            history.Add(new JsonArray(Session, line, output ? new JsonArray(input, null) : input));
        return Replies.Ok(new JsonObject { ["history"] = history });
    }

    private static List<(int, string)> Last(List<(int, string)> items, int n) => [.. items.Skip(Math.Max(0, items.Count - n))];

    /// <summary>IPython's search patterns are shell globs matched against the whole input.</summary>
    private static Regex GlobToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
}
