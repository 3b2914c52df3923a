using NotebookDL.Display;
using NotebookDL.Display.Magics;

namespace NotebookDL.Kernel.Magics;

/// <summary><c>#!html</c> and <c>#!markdown</c>: the cell body is content to display, not C#.</summary>
internal static class ContentMagics
{
    public static Magic Html() => new("html", "Display the cell body as HTML.", [],
        invocation => MimeBundle.PlainText(invocation.Body).With(MimeBundle.TextHtml, invocation.Body));

    public static Magic Markdown() => new("markdown", "Display the cell body as Markdown.", [],
        invocation => MimeBundle.PlainText(invocation.Body).With(MimeBundle.TextMarkdown, invocation.Body));
}
