namespace NotebookDL.Data;

/// <summary>Finding the files a dataset is made of (fastai's get_files / get_image_files).</summary>
public static class Files
{
    /// <summary>Extensions of the image formats <see cref="NotebookDL.Vision.ImageIO"/> decodes (lower case, with the dot).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".jpe", ".bmp", ".gif", ".tga", ".psd", ".pnm", ".ppm", ".pgm",
    };

    /// <summary>
    /// The image files under <paramref name="path"/>, sorted by ordinal path so the list (and every seeded split or
    /// shuffle of it) is the same on every run and machine.
    /// </summary>
    /// <param name="path">The folder to search.</param>
    /// <param name="recurse">Also search subfolders (hidden ones, starting with '.', are skipped).</param>
    /// <param name="folders">If given, only these immediate subfolders of <paramref name="path"/> are searched.</param>
    public static List<string> GetImageFiles(string path, bool recurse = true, IEnumerable<string>? folders = null) =>
        GetFiles(path, ImageExtensions, recurse, folders);

    /// <summary>The files under <paramref name="path"/> with one of <paramref name="extensions"/> (all files if null), sorted.</summary>
    public static List<string> GetFiles(string path, IReadOnlySet<string>? extensions = null, bool recurse = true, IEnumerable<string>? folders = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"Folder not found: '{path}'.");
        var roots = folders is null ? [path] : folders.Select(f => Path.Combine(path, f)).Where(Directory.Exists).ToList();
        var result = new List<string>();
        foreach (var root in roots) Collect(root, extensions, recurse, result);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static void Collect(string folder, IReadOnlySet<string>? extensions, bool recurse, List<string> result)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Path.GetFileName(file).StartsWith('.')) continue;
            if (extensions is null || extensions.Contains(Path.GetExtension(file))) result.Add(file);
        }
        if (!recurse) return;
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!Path.GetFileName(sub).StartsWith('.')) Collect(sub, extensions, recurse, result);
        }
    }
}
