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

    [Fact]
    public void A_package_with_its_own_copy_of_an_assembly_the_kernel_has_leaves_earlier_tensors_usable()
    {
        // ML.NET brings System.Numerics.Tensors, which the kernel already has (through Microsoft.Data.Analysis): a
        // second reference of it made Roslyn retarget earlier cells' TorchSharp types, and a tensor from before the
        // #r no longer converted to NotebookDL's Tensor parameters (CS1503).
        var root = Directory.CreateTempSubdirectory("nbdl-local-pkg-").FullName;
        try
        {
            var id = "NbdlLocal" + Guid.NewGuid().ToString("N")[..12];
            var feed = Pack(root, id, """<ItemGroup><PackageReference Include="System.Numerics.Tensors" Version="9.0.4" /></ItemGroup>""");
            Assert.True(fixture.Run("var earlier = torch.ones(4);").Outcome.Succeeded);
            var reference = fixture.Run($"#i \"nuget: {feed}\"\n#r \"nuget: {id}, 1.0.0\"").Outcome;
            var (outcome, output) = fixture.Run("NotebookDL.Learning.MetricFunctions.Rmse(earlier, torch.zeros(4))");

            Assert.True(reference.Succeeded, reference.Error?.Value);
            Assert.True(outcome.Succeeded, outcome.Error?.Value);
            Assert.Equal("1", output.Result!.Data[MimeBundle.TextPlain]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Pack(string root, string id, string items = "")
    {
        var project = Directory.CreateDirectory(Path.Combine(root, id)).FullName;
        File.WriteAllText(Path.Combine(project, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Version>1.0.0</Version></PropertyGroup>
              {items}
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
