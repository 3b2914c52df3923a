using NotebookDL.Data;
using NotebookDL.Tests.Vision;

namespace NotebookDL.Tests.Data;

public class SplitAndLabelTests
{
    private static readonly string[] Items = Enumerable.Range(0, 50).Select(i => $"/d/x{i}.png").ToArray();

    [Fact]
    public void RandomSplitter_takes_validPct_and_partitions_the_items()
    {
        var (train, valid) = new RandomSplitter(0.2, seed: 3).Split(Items);
        Assert.Equal(10, valid.Length);
        Assert.Equal(40, train.Length);
        Assert.Equal(Enumerable.Range(0, 50), train.Concat(valid).Order());
        Assert.Equal(valid, new RandomSplitter(0.2, seed: 3).Split(Items).Valid);
        Assert.NotEqual(valid, new RandomSplitter(0.2, seed: 4).Split(Items).Valid);
    }

    [Fact]
    public void GrandparentSplitter_uses_the_folder_two_levels_up()
    {
        string[] items = ["/d/train/cat/1.png", "/d/valid/cat/2.png", "/d/test/cat/3.png", "/d/train/dog/4.png"];
        var (train, valid) = new GrandparentSplitter().Split(items);
        Assert.Equal([0, 3], train);
        Assert.Equal([1], valid);
        Assert.Equal([2], new GrandparentSplitter(valid: "test").Split(items).Valid);
    }

    [Fact]
    public void Labellers_read_the_parent_folder_or_the_file_name()
    {
        Assert.Equal("cat", ParentLabeller.Instance.Label("/d/train/cat/1.png"));
        Assert.Equal("great_pyrenees", new RegexLabeller(@"^(.+)_\d+\.jpg$").Label("/pets/great_pyrenees_17.jpg"));
        Assert.Equal("17", new RegexLabeller(@"\d+").Label("/pets/a_17.jpg"));
        var e = Assert.Throws<ArgumentException>(() => new RegexLabeller(@"^(\d+)$").Label("/x/cat.png"));
        Assert.Contains("cat.png", e.Message);
    }

    [Fact]
    public void Vocab_is_sorted_and_distinct_with_index_lookup()
    {
        var vocab = new Vocab(["dog", "cat", "emu", "cat"]);
        Assert.Equal(["cat", "dog", "emu"], vocab);
        Assert.Equal(1, vocab.IndexOf("dog"));
        Assert.Equal("emu", vocab[2]);
        Assert.Contains("cat, dog, emu", Assert.Throws<KeyNotFoundException>(() => vocab.IndexOf("yak")).Message);
    }

    [Fact]
    public void GetImageFiles_finds_images_sorted_skipping_hidden_and_other_files()
    {
        using var dir = new TempDir();
        foreach (var f in new[] { "train/b/2.png", "train/a/1.JPG", "valid/a/3.bmp", "train/.hidden/4.png", "train/a/notes.txt", "other/5.png" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(f))!);
            File.WriteAllText(dir.File(f), "");
        }

        var all = Files.GetImageFiles(dir.Path).Select(f => Path.GetRelativePath(dir.Path, f)).ToList();
        var some = Files.GetImageFiles(dir.Path, folders: ["train", "valid"]).Select(f => Path.GetRelativePath(dir.Path, f)).ToList();
        var flat = Files.GetImageFiles(Path.Combine(dir.Path, "other"), recurse: false);

        Assert.Equal(["other/5.png", "train/a/1.JPG", "train/b/2.png", "valid/a/3.bmp"], all);
        Assert.Equal(["train/a/1.JPG", "train/b/2.png", "valid/a/3.bmp"], some);
        Assert.Single(flat);
    }
}
