namespace NotebookDL.TestSupport;

/// <summary>Files of the repository, found by walking up from the test assembly's folder.</summary>
public static class RepoFiles
{
    /// <summary>The full path of <paramref name="relative"/> (e.g. <c>tests/kernel/run.sh</c>) in the repository.</summary>
    public static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
