namespace NotebookDL;

/// <summary>Argument checks shared by the layers and models, with messages that name the argument.</summary>
internal static class Check
{
    public static long Positive(long value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
