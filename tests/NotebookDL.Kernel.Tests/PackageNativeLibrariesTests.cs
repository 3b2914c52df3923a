using NotebookDL.Kernel.Scripting;

namespace NotebookDL.Kernel.Tests;

/// <summary>
/// Natives of #r "nuget:" packages: the restore's assets name them per runtime (ML.NET's libFastTreeNative), and a
/// DllImport's library name finds the file. (Lesson 3 trains FastTree through them end to end.)
/// </summary>
public class PackageNativeLibrariesTests
{
    [Fact]
    public void The_natives_of_this_runtime_are_found_in_the_package_folder_and_placeholders_skipped()
    {
        var root = Directory.CreateTempSubdirectory("nbdl-natives-").FullName;
        try
        {
            var package = Path.Combine(root, "packages", "tree", "1.0.0");
            foreach (var file in new[] { "runtimes/linux-x64/native/libTree.so", "runtimes/win-x64/native/Tree.dll", "runtimes/linux-x64/nativeassets/net8.0/_._" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(package, file))!);
                File.WriteAllText(Path.Combine(package, file), "");
            }
            var assets = Path.Combine(root, "project.assets.json");
            File.WriteAllText(assets, $$"""
                {
                  "targets": { "net10.0": { "Tree/1.0.0": { "type": "package", "runtimeTargets": {
                    "runtimes/linux-x64/native/libTree.so": { "assetType": "native", "rid": "linux-x64" },
                    "runtimes/win-x64/native/Tree.dll": { "assetType": "native", "rid": "win-x64" },
                    "runtimes/linux-x64/nativeassets/net8.0/_._": { "assetType": "native", "rid": "linux-x64" } } } } },
                  "libraries": { "Tree/1.0.0": { "path": "tree/1.0.0" } },
                  "packageFolders": { "{{Path.Combine(root, "packages").Replace("\\", "\\\\")}}/": {} }
                }
                """);

            Assert.Equal([Path.Combine(package, "runtimes/linux-x64/native/libTree.so")], NuGetReferences.NativeLibraries(assets, "linux-x64"));
            Assert.Equal([Path.Combine(package, "runtimes/win-x64/native/Tree.dll")], NuGetReferences.NativeLibraries(assets, "win-x64"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("libFastTreeNative.so", "FastTreeNative")]
    [InlineData("libFastTreeNative.dylib", "FastTreeNative")]
    [InlineData("FastTreeNative", "FastTreeNative")]
    public void A_file_and_its_DllImport_name_agree(string file, string name) =>
        Assert.Equal(name, PackageNativeLibraries.LibraryName(file));
}
