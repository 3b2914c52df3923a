using NotebookDL.Display;
using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

/// <summary>
/// A user's own package from a local folder: <c>#i "nuget: FOLDER"</c> adds the folder as a source and a later
/// <c>#r "nuget: ..."</c> restores from it. The package is packed here, with a name no feed has.
/// </summary>
[Collection("interpreter")]
public class LocalPackageSourceTests(InterpreterFixture fixture)
{
    [Fact]
    public void Source_directives_are_extracted_made_absolute_and_their_lines_kept_empty()
    {
        var (sources, code) = NuGetReferences.ExtractSources("#i \"nuget: feed\"\n#i \"nuget: https://example.org/v3/index.json\"\n1");
        Assert.Equal([Path.GetFullPath("feed"), "https://example.org/v3/index.json"], sources);
        Assert.Equal("\n\n1", code);
    }

    [Fact]
    public void A_package_packed_into_a_local_folder_is_referenced_after_its_source_is_added()
    {
        var root = Directory.CreateTempSubdirectory("nbdl-local-pkg-").FullName;
        try
        {
            var id = "NbdlLocal" + Guid.NewGuid().ToString("N")[..12];
            var feed = Pack(root, id);

            var withoutSource = fixture.Run($"#r \"nuget: {id}, 1.0.0\"\n1").Outcome;
            var (outcome, output) = fixture.Run($"#i \"nuget: {feed}\"\n#r \"nuget: {id}, 1.0.0\"\n{id}.Greeting.Text");

            Assert.Equal("NuGetError", withoutSource.Error?.Name);
            Assert.True(outcome.Succeeded, outcome.Error?.Value);
            Assert.Equal("hello from a local package", output.Result!.Data[MimeBundle.TextPlain]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Pack(string root, string id)
    {
        var project = Directory.CreateDirectory(Path.Combine(root, id)).FullName;
        File.WriteAllText(Path.Combine(project, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Version>1.0.0</Version></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Greeting.cs"), $"namespace {id}; public static class Greeting {{ public const string Text = \"hello from a local package\"; }}");
        // Keep the repository's Directory.*.props (central versions, warnings as errors) out of this project.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        var feed = Path.Combine(root, "feed");
        var (code, output) = NuGetReferences.RunDotnet(root, "pack", project, "-o", feed);
        Assert.True(code == 0, $"dotnet pack failed: {output}");
        return feed;
    }
}
