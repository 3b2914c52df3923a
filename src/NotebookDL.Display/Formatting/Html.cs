using System.Net;

namespace NotebookDL.Display.Formatting;

/// <summary>HTML helpers. Every piece of user data goes through <see cref="Escape"/> before it reaches markup.</summary>
public static class Html
{
    /// <summary>Escapes &amp;, &lt;, &gt;, quotes so text can sit in element content and attribute values.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
