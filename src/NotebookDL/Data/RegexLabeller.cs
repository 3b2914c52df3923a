using System.Text.RegularExpressions;

namespace NotebookDL.Data;

/// <summary>
/// Labels a file by a regular expression on its file name (not the folders): the first capture group if the
/// pattern has one, else the whole match. E.g. <c>@"^(.+)_\d+\.jpg$"</c> labels "great_pyrenees_17.jpg" as
/// "great_pyrenees".
/// </summary>
public sealed class RegexLabeller : ILabeller
{
    private readonly Regex regex;

    public RegexLabeller(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        regex = new Regex(pattern, RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public string Label(string item)
    {
        var name = Path.GetFileName(item);
        var match = regex.Match(name);
        if (!match.Success) throw new ArgumentException($"The pattern \"{Pattern}\" does not match the file name \"{name}\" ('{item}').", nameof(item));
        return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }
}
