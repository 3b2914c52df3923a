using NotebookDL.Text;

namespace NotebookDL.Tests.Text;

public sealed class NumericalizeTests
{
    private static readonly List<string>[] Corpus =
    [
        ["xxbos", "the", "cat", "the", "dog", "the"],
        ["xxbos", "a", "cat", "a", "dog", "the", "emu"],
    ];

    [Fact]
    public void Special_tokens_first_then_by_frequency_padded_to_a_multiple_of_8()
    {
        var num = Numericalize.FromTokens(Corpus, minFreq: 2);
        Assert.Equal(SpecialTokens.All, num.Vocab.Take(9));
        // the ×4, then a, cat, dog ×2 (ties in ordinal order); emu (once) is below minFreq.
        Assert.Equal(["the", "a", "cat", "dog"], num.Vocab.Skip(9).Take(4));
        Assert.Equal(16, num.Vocab.Count);
        Assert.Equal("xxfake", num.Vocab[13]);
        Assert.DoesNotContain("emu", num.Vocab);
    }

    [Fact]
    public void MaxVocab_keeps_the_most_frequent()
    {
        var num = Numericalize.FromTokens(Corpus, minFreq: 1, maxVocab: 2);
        Assert.Equal(["the", "a"], num.Vocab.Skip(9).Take(2));
        Assert.Equal(16, num.Vocab.Count);
    }

    [Fact]
    public void Encode_and_decode_round_trip_and_unknown_words_become_xxunk()
    {
        var num = Numericalize.FromTokens(Corpus, minFreq: 1);
        var ids = num.Encode(["xxbos", "the", "emu", "zebra"]);
        Assert.Equal(0, ids[3]);
        Assert.Equal("xxbos the emu xxunk", num.Decode(ids));
        Assert.Equal(1, num.CountUnknown(["the", "zebra"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => num.Decode([999]));
        var again = Numericalize.FromVocab(num.Vocab);
        Assert.Equal(ids, again.Encode(["xxbos", "the", "emu", "zebra"]));
        Assert.Throws<ArgumentException>(() => Numericalize.FromVocab(["the", "cat"]));
    }
}
