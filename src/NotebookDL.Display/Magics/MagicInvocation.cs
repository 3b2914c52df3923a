namespace NotebookDL.Display.Magics;

/// <summary>A magic being run: its parsed arguments and the rest of the cell (the code a magic such as <c>#!time</c> wraps).</summary>
/// <param name="Name">The magic name without <c>#!</c>.</param>
/// <param name="Arguments">Arguments after the name, quotes removed.</param>
/// <param name="Body">The cell text after the magic lines (empty if none).</param>
/// <param name="Registry">The registry the magic was found in (lets a magic such as lsmagic see its siblings).</param>
public sealed record MagicInvocation(string Name, IReadOnlyList<string> Arguments, string Body, MagicRegistry Registry);
