using System.Globalization;
using NotebookDL.Display;
using NotebookDL.Display.Formatting;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Learning;

/// <summary>
/// What <c>LrFind</c> returns: the three suggestions, the curve they came from and its plot. Displays as its text
/// (LrFind has shown the plot already; <c>Display(result.Plot)</c> shows it again).
/// </summary>
/// <param name="Valley">fastai's default suggestion (<see cref="LrSuggestions.Valley"/>).</param>
/// <param name="Steep">Steepest descent (<see cref="LrSuggestions.Steep"/>).</param>
/// <param name="Minimum">Minimum-loss rate / 10 (<see cref="LrSuggestions.Minimum"/>).</param>
/// <param name="Lrs">Learning rates of the plotted points.</param>
/// <param name="Losses">Smoothed losses of the plotted points.</param>
/// <param name="Plot">Loss against learning rate (log x) with the suggestions marked.</param>
/// <param name="Drop">How much the loss falls over the curve (<see cref="LrSuggestions.Drop"/>).</param>
public sealed record LrFindResult(double Valley, double Steep, double Minimum, IReadOnlyList<double> Lrs, IReadOnlyList<double> Losses, Figure Plot, double Drop)
{
    // Registered when the assembly loads, so a host that bridges NotebookDL's formatters finds it (Formatter.RegisteredTypes).
#pragma warning disable CA2255 // a formatter registration, not a process change
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterFormatter() => Formatter.Register<LrFindResult>(r => MimeBundle.PlainText(r.ToString()));
#pragma warning restore CA2255

    /// <summary>True when the loss barely falls over the sweep: the suggestions are noise; choose a rate by validation loss.</summary>
    public bool IsFlat => Drop < LrSuggestions.FlatDrop;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SuggestedLRs(valley={ValueText.Number(Valley)}, steep={ValueText.Number(Steep)}, minimum={ValueText.Number(Minimum)})")
        + (IsFlat ? string.Create(CultureInfo.InvariantCulture, $": the loss falls only {Drop:P1} over the sweep, too flat for these to mean much; choose a rate by validation loss") : "");
}
