using NotebookDL.Display;
using NotebookDL.Display.Plotting;

namespace NotebookDL.Learning;

/// <summary>
/// What <c>LrFind</c> returns: the three suggestions, the curve they came from and its plot. Displays as the plot.
/// </summary>
/// <param name="Valley">fastai's default suggestion (<see cref="LrSuggestions.Valley"/>).</param>
/// <param name="Steep">Steepest descent (<see cref="LrSuggestions.Steep"/>).</param>
/// <param name="Minimum">Minimum-loss rate / 10 (<see cref="LrSuggestions.Minimum"/>).</param>
/// <param name="Lrs">Learning rates of the plotted points.</param>
/// <param name="Losses">Smoothed losses of the plotted points.</param>
/// <param name="Plot">Loss against learning rate (log x) with the suggestions marked.</param>
public sealed record LrFindResult(double Valley, double Steep, double Minimum, IReadOnlyList<double> Lrs, IReadOnlyList<double> Losses, Figure Plot)
{
    static LrFindResult() => Formatter.Register<LrFindResult>(r => r.Plot.ToMimeBundle().With(MimeBundle.TextPlain, r.ToString()));

    public override string ToString() => $"SuggestedLRs(valley={Valley:G4}, steep={Steep:G4}, minimum={Minimum:G4})";
}
