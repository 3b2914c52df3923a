using NotebookDL.Data;

namespace NotebookDL.Tabular.Tests;

/// <summary>Bad CSV input gives an exception that names the file, line, column and text.</summary>
public sealed class CsvReaderErrorTests
{
    [Fact]
    public void A_value_that_does_not_parse_as_the_given_type_names_line_column_and_text()
    {
        var e = Assert.Throws<FormatException>(() =>
            Csv.ReadText("a,b\n1,2\n3,x7\n", types: new Dictionary<string, Type> { ["b"] = typeof(long) }));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("\"b\"", e.Message);
        Assert.Contains("\"x7\"", e.Message);
    }

    [Fact]
    public void A_row_with_too_few_fields_names_its_line()
    {
        var e = Assert.Throws<FormatException>(() => Csv.ReadText("a,b,c\n1,2,3\n4,5\n"));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("expected 3 fields", e.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        var e = Assert.Throws<FormatException>(() => Csv.ReadText("a,b\n1,\"open\n2,3\n"));
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Types_for_a_column_the_file_lacks_name_it_and_the_columns()
    {
        var e = Assert.Throws<ArgumentException>(() => Csv.ReadText("a,b\n1,2\n", types: new Dictionary<string, Type> { ["c"] = typeof(int) }));
        Assert.Contains("\"c\"", e.Message);
        Assert.Contains("a, b", e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Csv.Read("/nonexistent/sales.csv"));
        Assert.Contains("/nonexistent/sales.csv", e.Message);
    }

    [Fact]
    public void Duplicate_header_names_are_refused()
    {
        var e = Assert.Throws<FormatException>(() => Csv.ReadText("a,b,a\n1,2,3\n"));
        Assert.Contains("\"a\"", e.Message);
    }
}
