namespace NotebookDL.Display.Magics;

/// <summary>
/// The set of magics a host offers. <see cref="Default"/> is the one the kernel and the .NET Interactive adapter
/// share; separate instances exist for tests and sandboxes. Every registry starts with the built-in
/// <c>lsmagic</c>. Thread-safe; registering a name again replaces the earlier magic.
/// </summary>
public sealed class MagicRegistry
{
    private readonly object gate = new();
    private readonly Dictionary<string, Magic> magics = new(StringComparer.OrdinalIgnoreCase);

    public MagicRegistry() => Register(LsMagic.Create());

    /// <summary>The process-wide registry hosts use.</summary>
    public static MagicRegistry Default { get; } = new();

    /// <summary>Adds or replaces <paramref name="magic"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or holds characters other than letters, digits, '-' and '_'.</exception>
    public void Register(Magic magic)
    {
        ArgumentNullException.ThrowIfNull(magic);
        if (string.IsNullOrEmpty(magic.Name) || !magic.Name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid magic name '{magic.Name}': use letters, digits, '-' or '_' (no '#!').", nameof(magic));
        }
        lock (gate) magics[magic.Name] = magic;
    }

    /// <summary>Looks a magic up by name (case-insensitive, without <c>#!</c>).</summary>
    public bool TryGet(string name, out Magic? magic)
    {
        lock (gate) return magics.TryGetValue(name, out magic);
    }

    /// <summary>Every registered magic, sorted by name.</summary>
    public IReadOnlyList<Magic> All
    {
        get
        {
            lock (gate) return magics.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    /// <summary>Runs the magic named in <paramref name="line"/> with <paramref name="body"/> as the rest of the cell.</summary>
    /// <exception cref="KeyNotFoundException">No such magic; the message lists what is available.</exception>
    public MimeBundle? Invoke(MagicLine line, string body = "")
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!TryGet(line.Name, out var magic))
        {
            throw new KeyNotFoundException($"Unknown magic '#!{line.Name}'. Available: {string.Join(", ", All.Select(m => "#!" + m.Name))} (see #!lsmagic).");
        }
        return magic!.Handler(new MagicInvocation(magic.Name, line.Arguments, body, this));
    }
}
