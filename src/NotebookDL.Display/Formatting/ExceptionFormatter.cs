namespace NotebookDL.Display.Formatting;

/// <summary>Exceptions as type + message + stack trace (inner exceptions included), in plain text and HTML.</summary>
internal static class ExceptionFormatter
{
    public static MimeBundle Format(Exception exception)
    {
        var plain = exception.ToString();
        var html = $"<div><b>{Html.Escape(exception.GetType().FullName)}</b>: {Html.Escape(exception.Message)}"
                   + $"<pre>{Html.Escape(exception.StackTrace ?? "")}</pre>";
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            html += $"<p>Caused by <b>{Html.Escape(inner.GetType().FullName)}</b>: {Html.Escape(inner.Message)}</p>"
                    + $"<pre>{Html.Escape(inner.StackTrace ?? "")}</pre>";
        }
        return MimeBundle.PlainText(plain).With(MimeBundle.TextHtml, html + "</div>");
    }
}
