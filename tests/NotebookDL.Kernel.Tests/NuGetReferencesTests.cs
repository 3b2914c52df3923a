using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

public class NuGetReferencesTests
{
    [Fact]
    public void Package_directives_are_extracted_and_their_lines_kept_empty()
    {
        const string cell = "#r \"nuget: Markdig, 0.31.0\"\n#r \"nuget:CsvHelper\"\nvar x = 1;";
        var (packages, code) = NuGetReferences.Extract(cell);
        Assert.Equal([("Markdig", (string?)"0.31.0"), ("CsvHelper", null)], packages);
        Assert.Equal("\n\nvar x = 1;", code);
    }

    [Fact]
    public void Plain_reference_directives_are_left_to_roslyn()
    {
        const string cell = "#r \"/tmp/some.dll\"\n1";
        var (packages, code) = NuGetReferences.Extract(cell);
        Assert.Empty(packages);
        Assert.Equal(cell, code);
    }

    [Fact]
    public void Runtime_assemblies_are_read_from_the_restore_assets_file()
    {
        var root = Directory.CreateTempSubdirectory("nbdl-assets").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "pkgs", "demo", "1.0.0", "lib", "net8.0"));
            File.WriteAllText(Path.Combine(root, "pkgs", "demo", "1.0.0", "lib", "net8.0", "Demo.dll"), "");
            var assets = Path.Combine(root, "project.assets.json");
            File.WriteAllText(assets, $$"""
                {
                  "targets": { "net10.0": {
                    "Demo/1.0.0": { "type": "package", "runtime": { "lib/net8.0/Demo.dll": {} } },
                    "Empty/2.0.0": { "type": "package", "runtime": { "lib/net8.0/_._": {} } },
                    "restore/1.0.0": { "type": "project" } } },
                  "libraries": { "Demo/1.0.0": { "path": "demo/1.0.0" }, "Empty/2.0.0": { "path": "empty/2.0.0" } },
                  "packageFolders": { "{{Path.Combine(root, "pkgs").Replace("\\", "\\\\")}}/": {} }
                }
                """);
            var dll = Assert.Single(NuGetReferences.RuntimeAssemblies(assets));
            Assert.EndsWith(Path.Combine("demo", "1.0.0", "lib", "net8.0", "Demo.dll"), dll);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
