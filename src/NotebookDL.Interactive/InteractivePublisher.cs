using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookDL.Display;
using NotebookDL.Display.Formatting;

namespace NotebookDL.Interactive;

/// <summary>
/// Where NotebookDL's <c>Display()</c>, progress bars and <c>ShowBatch</c> go inside .NET Interactive: each bundle
/// becomes a DisplayedValueProduced event of the command that is running, and an update a DisplayedValueUpdated with
/// the same display id, so the Learner's live progress replaces itself in place.
/// </summary>
public sealed class InteractivePublisher : IDisplayPublisher
{
    public void Publish(MimeBundle bundle, string? displayId) =>
        Send(bundle, (context, values) => new DisplayedValueProduced(bundle, context.Command, values, displayId));

    public void Update(MimeBundle bundle, string displayId) =>
        Send(bundle, (context, values) => new DisplayedValueUpdated(bundle, displayId, context.Command, values));

    private static void Send(MimeBundle bundle, Func<KernelInvocationContext, IReadOnlyCollection<FormattedValue>, KernelEvent> create)
    {
        // Displays from a thread that runs no command (a timer, a background loader) have nowhere to go in this host.
        if (KernelInvocationContext.Current is not { } context)
        {
            ConsolePublisher.Instance.Publish(bundle, null);
            return;
        }
        FormattedValue[] values =
        [
            new("text/html", bundle.ToSingleHtml()),
            new("text/plain", bundle.Data.GetValueOrDefault(MimeBundle.TextPlain, "")),
        ];
        context.Publish(create(context, values));
    }
}
