using NotebookDL.Text;

namespace NotebookDL.Tests.Text;

/// <summary>fastai's tokenizer rules, one special token at a time, on constructed sentences.</summary>
public sealed class TokenizerTests
{
    private static string Tokens(string text) => string.Join(" ", Tokenizer.Default.Tokenize(text));

    [Theory]
    [InlineData("The cat sat.", "xxbos xxmaj the cat sat .")]
    [InlineData("The CAT sat!!!", "xxbos xxmaj the xxup cat sat xxrep 3 !")]
    [InlineData("I LOVE it", "xxbos xxmaj i xxup love it")]
    [InlineData("so cooool", "xxbos so c xxrep 4 o l")]
    [InlineData("it was very very very good", "xxbos it was xxwrep 3 very good")]
    [InlineData("I don't know Emma's sister, can't you?", "xxbos xxmaj i do n't know xxmaj emma 's sister , ca n't you ?")]
    [InlineData("Great<br /><br />Would buy &amp; eat again", "xxbos xxmaj great xxmaj would buy & eat again")]
    [InlineData("at 60 km/h, #1 in well-known lists of 3.5 stars...", "xxbos at 60 km / h , # 1 in well-known lists of 3.5 stars xxrep 3 .")]
    [InlineData("  spaced   out\n\ttext ", "xxbos spaced out text")]
    public void Rules_insert_fastais_special_tokens(string text, string expected) => Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Detokenize_undoes_the_markers()
    {
        var tokens = Tokenizer.Default.Tokenize("The CAT sat!!! I don't know.");
        Assert.Equal("The CAT sat!!! I don't know.", Detokenizer.Detokenize(tokens));
        // Generated text can put a marker before another marker: the last one applies, none is printed.
        Assert.Equal("It was SO", Detokenizer.Detokenize(["xxmaj", "xxmaj", "it", "was", "xxmaj", "xxup", "so"]));
    }

    [Fact]
    public void TokenizeAll_keeps_the_documents_order_and_names_a_null_text()
    {
        var texts = Enumerable.Range(0, 500).Select(i => $"Document number {i} here, {new string('!', i % 5 + 1)}").ToList();
        var all = Tokenizer.Default.TokenizeAll(texts);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(Tokenizer.Default.Tokenize(texts[i]), all[i]);
        var error = Assert.Throws<ArgumentException>(() => Tokenizer.Default.TokenizeAll(["fine", null!]));
        Assert.Contains("Text 1 is null", error.Message);
    }
}
