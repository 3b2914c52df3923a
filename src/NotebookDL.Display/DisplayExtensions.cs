namespace NotebookDL.Display;

/// <summary>Lets any value display itself: <c>learn.Recorder.Display();</c>.</summary>
public static class DisplayExtensions
{
    /// <summary>Same as <see cref="Displayer.Display"/>.</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => Displayer.Display(value, mimeTypes);
}
