namespace NotebookDL.Display.Magics;

/// <summary>One documented argument of a magic, shown by <c>#!lsmagic</c>.</summary>
/// <param name="Name">Argument name as shown in help, e.g. "seed".</param>
/// <param name="Description">What the argument does.</param>
/// <param name="IsOptional">Whether the magic works without it.</param>
public sealed record MagicParameter(string Name, string Description, bool IsOptional = false);
