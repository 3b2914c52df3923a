namespace NotebookDL.Display.Magics;

/// <summary>
/// A <c>#!name args</c> command. Defined once here and run by any host (the Jupyter kernel, .NET Interactive);
/// the handler returns what to display, or null for nothing.
/// </summary>
/// <param name="Name">Name without <c>#!</c>; letters, digits, '-' and '_'.</param>
/// <param name="Description">One-line help shown by <c>#!lsmagic</c>.</param>
/// <param name="Parameters">Documented arguments, in order.</param>
/// <param name="Handler">Runs the magic.</param>
public sealed record Magic(string Name, string Description, IReadOnlyList<MagicParameter> Parameters, Func<MagicInvocation, MimeBundle?> Handler)
{
    /// <summary>A usage line such as <c>#!seed &lt;value&gt; [device]</c>.</summary>
    public string Usage => "#!" + Name + string.Concat(Parameters.Select(p => p.IsOptional ? $" [{p.Name}]" : $" <{p.Name}>"));
}
