using System.Xml.Linq;
using NotebookDL.Display;

namespace NotebookDL.Display.Tests;

public class FormatterTests
{
    public record Point(int X, string Label);

    public class PlainObject
    {
        public int Count { get; set; } = 3;
        public string Name { get; set; } = "widget";
    }

    private class Animal { }
    private class Dog : Animal { }
    private class Puppy : Dog { }
    private interface IPet { }
    private interface IGoodPet : IPet { }
    private class Cat : Animal, IGoodPet { }
    private class NoPlain { public override string ToString() => "no-plain-tostring"; }
    private class Failing { public override string ToString() => "failing-value"; }

    // Counts <tr> rows in the tbody of the first table.
    private static int BodyRows(string html) =>
        XDocument.Parse("<root>" + html + "</root>").Descendants("tbody").Single().Elements("tr").Count();

    private static List<string> Headers(string html) =>
        XDocument.Parse("<root>" + html + "</root>").Descendants("th").Select(th => th.Value).ToList();

    [Fact]
    public void A_returned_bundle_is_shown_as_itself()
    {
        var bundle = MimeBundle.PlainText("a grid").With(MimeBundle.ImagePng, "iVBOR");
        var formatted = Formatter.Format(bundle);
        Assert.Equal("iVBOR", formatted.Data[MimeBundle.ImagePng]);
        Assert.Equal("a grid", formatted.Data[MimeBundle.TextPlain]);
        Assert.False(formatted.Data.ContainsKey(MimeBundle.TextHtml));
    }

    [Fact]
    public void Null_is_plain_text_only()
    {
        var bundle = Formatter.Format(null);
        Assert.Equal(["text/plain"], bundle.Data.Keys);
        Assert.Equal("null", bundle.Data["text/plain"]);
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData("hello <b>", "hello <b>")]
    [InlineData(true, "True")]
    [InlineData(2.5, "2.5")]
    public void Scalars_are_plain_text_only(object value, string expected)
    {
        var bundle = Formatter.Format(value);
        Assert.Equal(["text/plain"], bundle.Data.Keys);
        Assert.Equal(expected, bundle.Data["text/plain"]);
    }

    [Fact]
    public void A_double_on_its_own_round_trips_but_table_cells_are_short()
    {
        var third = 1.0 / 3;
        Assert.Equal(third, double.Parse(Formatter.Format(third).Data["text/plain"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("<td>0.333333</td>", Formatter.Format(new[] { third }).Data["text/html"]);
    }

    [Fact]
    public void Doubles_use_the_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("1.5", Formatter.Format(1.5).Data["text/plain"]);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_list_becomes_a_table_with_the_first_20_rows_and_a_more_note()
    {
        var bundle = Formatter.Format(Enumerable.Range(0, 25).ToList());
        var html = bundle.Data["text/html"];
        Assert.Equal(20, BodyRows(html));
        Assert.Contains("5 more rows", html);
        Assert.Contains("(25 items)", bundle.Data["text/plain"]);
        Assert.StartsWith("List<int>", bundle.Data["text/plain"]);
    }

    [Fact]
    public void A_lazy_sequence_is_read_once_and_counted()
    {
        var enumerations = 0;
        IEnumerable<int> Numbers()
        {
            enumerations++;
            for (var i = 0; i < 30; i++) yield return i;
        }

        var bundle = Formatter.Format(Numbers());
        Assert.Equal(1, enumerations);
        Assert.Contains("10 more rows", bundle.Data["text/html"]);
    }

    [Fact]
    public void An_endless_sequence_does_not_hang()
    {
        static IEnumerable<int> Forever()
        {
            for (var i = 0; ; i++) yield return i;
        }

        var bundle = Formatter.Format(Forever());
        Assert.Contains("+ more rows", bundle.Data["text/html"]);
    }

    [Fact]
    public void Records_in_a_sequence_get_one_column_per_property()
    {
        var bundle = Formatter.Format(new[] { new Point(1, "a"), new Point(2, "<b>") });
        var html = bundle.Data["text/html"];
        Assert.Equal(["#", "X", "Label"], Headers(html));
        Assert.Equal(2, BodyRows(html));
        Assert.Contains("&lt;b&gt;", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Strings_are_not_treated_as_sequences()
    {
        var bundle = Formatter.Format("abc");
        Assert.False(bundle.Data.ContainsKey("text/html"));
    }

    [Fact]
    public void Dictionaries_are_two_column_tables()
    {
        var bundle = Formatter.Format(new Dictionary<string, int> { ["a"] = 1, ["b<"] = 2 });
        var html = bundle.Data["text/html"];
        Assert.Equal(["key", "value"], Headers(html));
        var cells = XDocument.Parse("<root>" + html + "</root>").Descendants("td").Select(td => td.Value).ToList();
        Assert.Equal(["a", "1", "b<", "2"], cells);
    }

    [Fact]
    public void Read_only_dictionaries_without_the_legacy_interface_are_tables_too()
    {
        IReadOnlyDictionary<string, int> dictionary = new Dictionary<string, int> { ["k"] = 7 }.AsReadOnly();
        var html = Formatter.Format(dictionary).Data["text/html"];
        Assert.Equal(["key", "value"], Headers(html));
    }

    [Fact]
    public void Plain_objects_show_their_properties_in_html_and_plain_text()
    {
        var bundle = Formatter.Format(new PlainObject());
        Assert.Equal(["Count", "Name"], Headers(bundle.Data["text/html"]));
        Assert.Equal("PlainObject { Count = 3, Name = widget }", bundle.Data["text/plain"]);
    }

    [Fact]
    public void Exceptions_show_type_message_and_stack()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("bad <thing>");
        }
        catch (Exception ex)
        {
            caught = ex;
        }
        var bundle = Formatter.Format(caught);
        Assert.Contains("System.InvalidOperationException", bundle.Data["text/plain"]);
        Assert.Contains(nameof(Exceptions_show_type_message_and_stack), bundle.Data["text/plain"]);
        Assert.Contains("bad &lt;thing&gt;", bundle.Data["text/html"]);
        Assert.Contains(nameof(Exceptions_show_type_message_and_stack), bundle.Data["text/html"]);
    }

    [Fact]
    public void Most_specific_registration_wins()
    {
        Formatter.Register<Animal>(_ => MimeBundle.PlainText("animal"));
        Formatter.Register<Dog>(_ => MimeBundle.PlainText("dog"));
        Formatter.Register<IPet>(_ => MimeBundle.PlainText("pet"));

        Assert.Equal("dog", Formatter.Format(new Dog()).Data["text/plain"]);
        Assert.Equal("dog", Formatter.Format(new Puppy()).Data["text/plain"]); // nearest base class
        Assert.Equal("animal", Formatter.Format(new Cat()).Data["text/plain"]); // base class beats interface

        Formatter.Register<Puppy>(_ => MimeBundle.PlainText("puppy"));
        Assert.Equal("puppy", Formatter.Format(new Puppy()).Data["text/plain"]); // runtime registration takes effect
    }

    private class Widget : IGoodPet { }

    [Fact]
    public void The_most_derived_interface_wins()
    {
        Formatter.Register<IGoodPet>(_ => MimeBundle.PlainText("good pet"));
        Formatter.Register<IPet>(_ => MimeBundle.PlainText("pet"));
        Assert.Equal("good pet", Formatter.Format(new Widget()).Data["text/plain"]);
    }

    [Fact]
    public void Missing_text_plain_is_filled_from_ToString()
    {
        Formatter.Register<NoPlain>(_ => new MimeBundle("text/html", "<i>x</i>"));
        var bundle = Formatter.Format(new NoPlain());
        Assert.Equal("no-plain-tostring", bundle.Data["text/plain"]);
        Assert.Equal("<i>x</i>", bundle.Data["text/html"]);
    }

    [Fact]
    public void A_throwing_formatter_falls_back_to_plain_text()
    {
        Formatter.Register<Failing>(_ => throw new InvalidOperationException("boom"));
        var text = Formatter.Format(new Failing()).Data["text/plain"];
        Assert.Contains("failing-value", text);
        Assert.Contains("boom", text);
    }

    private record Preferred(int A);

    [Fact]
    public void Preferred_mime_types_filter_the_result()
    {
        Assert.True(Formatter.Format(new Preferred(1)).Data.ContainsKey("text/html"));
        Formatter.SetPreferredMimeTypes<Preferred>("text/plain");
        var bundle = Formatter.Format(new Preferred(1));
        Assert.Equal(["text/plain"], bundle.Data.Keys);
    }

    private sealed class Racer(int n) { public int N { get; } = n; }

    [Fact]
    public void Registration_and_formatting_can_race()
    {
        var errors = 0;
        Parallel.For(0, 200, i =>
        {
            try
            {
                if (i % 10 == 0) Formatter.Register<Racer>(r => MimeBundle.PlainText("racer " + r.N));
                var text = Formatter.Format(new Racer(i)).Data["text/plain"];
                if (string.IsNullOrEmpty(text)) Interlocked.Increment(ref errors);
            }
            catch
            {
                Interlocked.Increment(ref errors);
            }
        });
        Assert.Equal(0, errors);
        Assert.Equal("racer 5", Formatter.Format(new Racer(5)).Data["text/plain"]);
    }

    [Fact]
    public void Open_generic_registrations_match_closed_types()
    {
        Formatter.Register(typeof(GenericBox<>), _ => MimeBundle.PlainText("box"));
        Assert.Equal("box", Formatter.Format(new GenericBox<int>()).Data["text/plain"]);
    }

    private sealed class GenericBox<T> { }
}
