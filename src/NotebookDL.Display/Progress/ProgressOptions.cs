namespace NotebookDL.Display;

/// <summary>How a <see cref="ProgressDisplay"/> reports. The defaults are the ones a notebook wants; tests inject the rest.</summary>
public sealed record ProgressOptions
{
    /// <summary>Where to display; null uses <see cref="DisplayContext.Publisher"/> at construction, and if that is null too, plain console lines.</summary>
    public IDisplayPublisher? Publisher { get; init; }

    /// <summary>Clock for rates, ETA and throttling.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Console fallback target; null means <see cref="Console.Out"/>.</summary>
    public TextWriter? ConsoleOut { get; init; }

    /// <summary>Minimum time between in-place notebook updates (a frontend re-renders on each one).</summary>
    public TimeSpan NotebookInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Minimum time between console lines, so logs are not flooded.</summary>
    public TimeSpan ConsoleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Title of the live plot (when points are added).</summary>
    public string? PlotTitle { get; init; }

    /// <summary>X axis title of the live plot.</summary>
    public string PlotXTitle { get; init; } = "step";
}
