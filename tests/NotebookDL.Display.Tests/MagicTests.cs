using System.Xml.Linq;
using NotebookDL.Display;
using NotebookDL.Display.Magics;

namespace NotebookDL.Display.Tests;

public class MagicTests
{
    [Fact]
    public void Parses_name_and_quoted_arguments()
    {
        Assert.True(MagicLine.TryParse("  #!seed 42 \"two words\" 'single q' \"esc \\\" quote\"", out var line));
        Assert.Equal("seed", line!.Name);
        Assert.Equal(["42", "two words", "single q", "esc \" quote"], line.Arguments);
    }

    [Theory]
    [InlineData("var x = 1;")]
    [InlineData("// #!time")]
    [InlineData("#!")]
    [InlineData("#! spaced")]
    public void Non_magic_lines_are_not_parsed(string text)
    {
        Assert.False(MagicLine.TryParse(text, out var line));
        Assert.Null(line);
    }

    [Fact]
    public void Empty_quotes_are_an_argument()
    {
        Assert.True(MagicLine.TryParse("#!who \"\"", out var line));
        Assert.Equal([""], line!.Arguments);
    }

    [Fact]
    public void Unterminated_quote_is_an_error_that_says_where()
    {
        var error = Assert.Throws<FormatException>(() => MagicLine.TryParse("#!time \"oops", out _));
        Assert.Contains("Unterminated", error.Message);
        Assert.Contains("column 8", error.Message);
    }

    [Fact]
    public void ParseCell_splits_leading_magics_from_the_body()
    {
        var (magics, body) = MagicLine.ParseCell("#!time\n\n#!seed 1\nvar x = 1;\n#!notmagic-in-body");
        Assert.Equal(["time", "seed"], magics.Select(m => m.Name));
        Assert.Equal("var x = 1;\n#!notmagic-in-body", body);
    }

    [Fact]
    public void Registry_registers_looks_up_and_invokes()
    {
        var registry = new MagicRegistry();
        MagicInvocation? seen = null;
        registry.Register(new Magic("echo", "Echo arguments.", [new MagicParameter("text", "What to echo")], inv =>
        {
            seen = inv;
            return MimeBundle.PlainText(string.Join("|", inv.Arguments));
        }));

        Assert.True(registry.TryGet("ECHO", out var magic));
        Assert.Equal("#!echo <text>", magic!.Usage);
        Assert.True(MagicLine.TryParse("#!echo a \"b c\"", out var line));
        var result = registry.Invoke(line!, "body");
        Assert.Equal("a|b c", result!.Data["text/plain"]);
        Assert.Equal("body", seen!.Body);
        Assert.Same(registry, seen.Registry);
    }

    [Fact]
    public void Unknown_magic_lists_the_available_ones()
    {
        var registry = new MagicRegistry();
        var error = Assert.Throws<KeyNotFoundException>(() => registry.Invoke(new MagicLine("nope", [])));
        Assert.Contains("#!nope", error.Message);
        Assert.Contains("#!lsmagic", error.Message);
    }

    [Fact]
    public void Invalid_names_are_rejected()
    {
        var registry = new MagicRegistry();
        Assert.Throws<ArgumentException>(() => registry.Register(new Magic("#!bad", "", [], _ => null)));
        Assert.Throws<ArgumentException>(() => registry.Register(new Magic("two words", "", [], _ => null)));
    }

    [Fact]
    public void Lsmagic_lists_every_magic_in_text_and_html()
    {
        var registry = new MagicRegistry();
        registry.Register(new Magic("time", "Time the <cell>.", [], _ => null));
        registry.Register(new Magic("seed", "Seed all RNGs.", [new MagicParameter("value", "the seed"), new MagicParameter("device", "cpu or cuda", IsOptional: true)], _ => null));

        var bundle = registry.Invoke(new MagicLine("lsmagic", []))!;
        var plain = bundle.Data["text/plain"];
        Assert.Contains("#!seed <value> [device]", plain);
        Assert.Contains("Time the <cell>.", plain);
        Assert.Contains("#!lsmagic", plain);

        var rows = XDocument.Parse("<root>" + bundle.Data["text/html"] + "</root>").Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(registry.All.Count, rows.Count);
        Assert.Equal(3, rows.Count);
        Assert.Contains("Time the &lt;cell&gt;.", bundle.Data["text/html"]);
    }

    [Fact]
    public void Default_registry_is_shared_and_has_lsmagic()
    {
        Assert.Same(MagicRegistry.Default, MagicRegistry.Default);
        Assert.True(MagicRegistry.Default.TryGet("lsmagic", out _));
    }
}
