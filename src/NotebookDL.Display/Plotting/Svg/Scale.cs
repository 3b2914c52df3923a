namespace NotebookDL.Display.Plotting.Svg;

/// <summary>A tick: its data value, its pixel position and its label.</summary>
internal sealed record Tick(double Value, double Pixel, string Label);

/// <summary>Maps data values to pixels along one axis.</summary>
internal abstract class Scale(double pixelFrom, double pixelTo)
{
    /// <summary>Pixel of the low end of the axis (left for x, bottom for y).</summary>
    protected double PixelFrom { get; } = pixelFrom;

    /// <summary>Pixel of the high end (right for x, top for y).</summary>
    protected double PixelTo { get; } = pixelTo;

    /// <summary>Pixel for <paramref name="value"/>, or NaN when it cannot be shown (e.g. non-positive on a log axis).</summary>
    public abstract double Map(double value);

    public abstract IReadOnlyList<Tick> Ticks();

    protected double Lerp(double fraction) => PixelFrom + fraction * (PixelTo - PixelFrom);
}

/// <summary>A continuous axis, linear or log10, optionally reversed.</summary>
internal sealed class NumericScale : Scale
{
    private readonly double min;
    private readonly double max;
    private readonly bool log;

    public NumericScale(double min, double max, bool log, bool reversed, double pixelFrom, double pixelTo)
        : base(reversed ? pixelTo : pixelFrom, reversed ? pixelFrom : pixelTo)
    {
        this.min = min;
        this.max = max;
        this.log = log;
    }

    public double Min => min;
    public double Max => max;

    public override double Map(double value)
    {
        if (!double.IsFinite(value) || (log && value <= 0)) return double.NaN;
        var fraction = log
            ? (Math.Log10(value) - Math.Log10(min)) / (Math.Log10(max) - Math.Log10(min))
            : (value - min) / (max - min);
        return Lerp(fraction);
    }

    public override IReadOnlyList<Tick> Ticks() =>
        (log ? NiceTicks.Log(min, max) : NiceTicks.Linear(min, max))
        .Select(v => new Tick(v, Map(v), SvgFormat.TickLabel(v)))
        .ToList();
}

/// <summary>Evenly spaced categories; value i is the centre of band i.</summary>
internal sealed class CategoryScale : Scale
{
    public CategoryScale(IReadOnlyList<string> categories, bool reversed, double pixelFrom, double pixelTo)
        : base(reversed ? pixelTo : pixelFrom, reversed ? pixelFrom : pixelTo)
    {
        Categories = categories;
    }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>Band size in pixels (always positive).</summary>
    public double BandWidth => Math.Abs(PixelTo - PixelFrom) / Math.Max(1, Categories.Count);

    public int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] == category) return i;
        }
        return -1;
    }

    public override double Map(double value) =>
        double.IsFinite(value) ? Lerp((value + 0.5) / Math.Max(1, Categories.Count)) : double.NaN;

    public override IReadOnlyList<Tick> Ticks()
    {
        // Label every category unless there are so many that labels would collide.
        var every = Math.Max(1, (int)Math.Ceiling(Categories.Count / 30.0));
        return Categories.Select((c, i) => new Tick(i, Map(i), c)).Where((_, i) => i % every == 0).ToList();
    }
}
