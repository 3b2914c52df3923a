namespace NotebookDL.Display.Plotting;

/// <summary>A labelled point on the plot, e.g. an lr_find suggestion ("valley: 1.2e-3") at its loss.</summary>
/// <param name="X">Position in data units.</param>
/// <param name="Y">Position in data units.</param>
/// <param name="Text">Label shown next to the point.</param>
/// <param name="Color">CSS colour of the point and label.</param>
public sealed record Annotation(double X, double Y, string Text, string Color = "#d62728");

/// <summary>A dashed vertical line across the plot, optionally labelled at the top.</summary>
/// <param name="X">Position in data units.</param>
/// <param name="Text">Label at the top of the line, or null.</param>
/// <param name="Color">CSS colour.</param>
public sealed record VerticalLine(double X, string? Text = null, string Color = "#d62728");
