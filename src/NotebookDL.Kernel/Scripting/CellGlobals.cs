using Microsoft.AspNetCore.Html;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Scripting;

/// <summary>Members every cell can use unqualified (imported with <c>using static</c>).</summary>
public static class CellGlobals
{
    private static Random rng = new();

    /// <summary>
    /// The notebook's shared random generator; <c>#!seed N</c> replaces it with a seeded one so a notebook's
    /// random draws are reproducible (use it instead of <c>new Random()</c>).
    /// </summary>
    public static Random Rng => Volatile.Read(ref rng);

    /// <summary>Replaces <see cref="Rng"/> with a generator seeded by <paramref name="seed"/>.</summary>
    public static void Seed(int seed) => Volatile.Write(ref rng, new Random(seed));

    /// <summary>
    /// .NET Interactive's <c>display(x)</c>, as notebooks written for it call it: shows <paramref name="value"/> (only in
    /// <paramref name="mimeTypes"/>, when given) and returns a handle whose <c>Update(x)</c> replaces it in place.
    /// </summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes) => Displayer.Display(value, mimeTypes);

    /// <summary>
    /// <c>x.Display()</c>, as notebooks written for .NET Interactive call it (and NotebookDL's lessons): shows the value and
    /// returns a handle whose <c>Update(x)</c> replaces it in place.
    /// </summary>
    /// <remarks>Generic on purpose: .NET Interactive's formatting package has <c>Display(this object, ...)</c> in namespace
    /// System, and a generic receiver is the better overload, so cells get this one instead of an ambiguity. That one
    /// announces displays with a display id its handle's updates do not reuse; this one keeps one id.</remarks>
    public static DisplayHandle Display<T>(this T value, params string[] mimeTypes) => Displayer.Display(value, mimeTypes);

    /// <summary>.NET Interactive's <c>HTML("...")</c>: a string shown as HTML.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);
}
