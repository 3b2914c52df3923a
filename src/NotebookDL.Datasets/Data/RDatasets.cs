using System.Diagnostics;

namespace NotebookDL.Data;

/// <summary>
/// Real tables that Debian ships inside R packages (<c>r-cran-*</c>), exported once to CSV with <c>Rscript</c> into
/// a cache folder and reused: the lessons' offline data. Each export is written to a temporary file and renamed
/// into place, so an interrupted export is never read.
/// </summary>
public static class RDatasets
{
    private const string ExportScript = """
        args <- commandArgs(TRUE)
        pkg <- args[1]; name <- args[2]; member <- args[3]; out <- args[4]
        dir <- system.file("data", package = pkg)
        if (dir == "") stop(paste0("R package '", pkg, "' is not installed"))
        e <- new.env()
        if (file.exists(file.path(dir, "Rdata.rdx"))) lazyLoad(file.path(dir, "Rdata"), envir = e) else load(file.path(dir, paste0(name, ".rda")), envir = e)
        x <- get(name, envir = e)
        if (member != "") x <- x[[member]]
        write.csv(x, out, row.names = FALSE)
        """;

    /// <summary>The default cache: ~/.cache/notebookdl/datasets/r.</summary>
    public static string DefaultCacheDir => UserCache.Folder("datasets", "r");

    /// <summary>
    /// Dominick's Finer Foods orange juice sales from <c>bayesm::orangeJuice</c> (Debian <c>r-cran-bayesm</c>):
    /// <c>Sales</c> has 106,139 rows of store x brand x week (log units sold, 11 brands' prices, deal and feature
    /// promotions, profit); <c>Stores</c> has 83 rows of store demographics (to join on the store number).
    /// </summary>
    public static (string Sales, string Stores) OrangeJuice(string? cacheDir = null) =>
        (Export("r-cran-bayesm", "bayesm", "orangeJuice", "yx", cacheDir), Export("r-cran-bayesm", "bayesm", "orangeJuice", "storedemo", cacheDir));

    /// <summary>
    /// MovieLens ml-latest-small (the course's set) from <c>dslabs::movielens</c> (Debian <c>r-cran-dslabs</c>): 100,004
    /// ratings (0.5-5 stars) by 671 users of 9,066 movies, with title, year, genres and timestamp.
    /// </summary>
    public static string MovieLens(string? cacheDir = null) => Export("r-cran-dslabs", "dslabs", "movielens", null, cacheDir);

    /// <summary>
    /// Jane Austen's six novels from <c>janeaustenr</c> (Debian <c>r-cran-janeaustenr</c>), one CSV per novel with one
    /// printed line per row (column <c>x</c>; blank lines empty): emma, mansfieldpark, northangerabbey, persuasion,
    /// prideprejudice, sensesensibility.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AustenNovels(string? cacheDir = null) =>
        new[] { "emma", "mansfieldpark", "northangerabbey", "persuasion", "prideprejudice", "sensesensibility" }
            .ToDictionary(n => n, n => Export("r-cran-janeaustenr", "janeaustenr", n, null, cacheDir));

    /// <summary>
    /// 5,000 Amazon fine-food reviews from <c>modeldata::small_fine_foods</c> (Debian <c>r-cran-modeldata</c>): columns
    /// product, review, score ("great" for 5 stars, "other"); 4,000 training and 1,000 test reviews.
    /// </summary>
    public static (string Train, string Test) FineFoods(string? cacheDir = null) =>
        (Export("r-cran-modeldata", "modeldata", "training_data", null, cacheDir), Export("r-cran-modeldata", "modeldata", "testing_data", null, cacheDir));

    /// <summary>Boston housing from <c>MASS::Boston</c> (Debian <c>r-cran-mass</c>): 506 suburbs, 13 features, median value <c>medv</c>.</summary>
    public static string Boston(string? cacheDir = null) => Export("r-cran-mass", "MASS", "Boston", null, cacheDir);

    /// <summary>
    /// The CSV of R data set <paramref name="name"/> (or its element <paramref name="member"/>) from R package
    /// <paramref name="package"/>, exported once.
    /// </summary>
    /// <param name="debianPackage">The Debian package that holds it (named in the error when it is missing).</param>
    /// <param name="package">R package name.</param>
    /// <param name="name">Data set name.</param>
    /// <param name="member">For a list-valued data set, the element to export.</param>
    /// <param name="cacheDir">Where CSVs are kept; <see cref="DefaultCacheDir"/> when null.</param>
    public static string Export(string debianPackage, string package, string name, string? member = null, string? cacheDir = null)
    {
        var dir = cacheDir ?? DefaultCacheDir;
        var path = Path.Combine(dir, $"{package}-{name}{(member is null ? "" : "-" + member)}.csv");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(dir);
        Console.WriteLine($"Exporting {package}::{name}{(member is null ? "" : "$" + member)} to {path} with Rscript (once)...");
        var script = Path.Combine(dir, $".export-{Guid.NewGuid():N}.R");
        var partial = path + $".{Guid.NewGuid():N}.partial";
        File.WriteAllText(script, ExportScript);
        try
        {
            Run(debianPackage, script, package, name, member ?? "", partial);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(script);
            if (File.Exists(partial)) File.Delete(partial);
        }
        return path;
    }

    private static void Run(string debianPackage, string script, params string[] args)
    {
        var start = new ProcessStartInfo("Rscript") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--vanilla", script }.Concat(args)) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Rscript did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FileNotFoundException(
                $"Rscript was not found ({e.Message}). It exports the data once: install it with `apt-get install r-base-core {debianPackage}`.", "Rscript", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException(
                    $"Rscript failed to export {args[1]} from R package {args[0]} (exit {process.ExitCode}); is `{debianPackage}` installed? " +
                    $"(`apt-get install {debianPackage}`)\n{stderr.Result.Trim()}");
        }
    }
}
