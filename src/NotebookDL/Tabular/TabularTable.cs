using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>
/// The working form procs read and change (fastai's TabularPandas columns): categorical columns as raw values, then
/// codes once <see cref="CategorifyProc"/> ran; continuous columns as doubles with NaN for missing.
/// </summary>
internal sealed class TabularTable
{
    public TabularTable(int rows, List<string> catNames, List<string> contNames) => (Rows, CatNames, ContNames) = (rows, catNames, contNames);

    public int Rows { get; }

    public List<string> CatNames { get; }

    public List<string> ContNames { get; }

    /// <summary>Categorical values before Categorify (normalised: integers as long, see <see cref="RowKey.Normalise"/>; null = missing).</summary>
    public Dictionary<string, object?[]> Raw { get; } = [];

    /// <summary>Categorical codes (0 = #na#) after Categorify.</summary>
    public Dictionary<string, long[]> Codes { get; } = [];

    public Dictionary<string, double[]> Conts { get; } = [];

    /// <summary>The columns <paramref name="catNames"/> and <paramref name="contNames"/> of the given rows of <paramref name="df"/>.</summary>
    public static TabularTable From(DataFrame df, IReadOnlyList<long> rows, IEnumerable<string> catNames, IEnumerable<string> contNames)
    {
        var table = new TabularTable(rows.Count, [.. catNames], [.. contNames]);
        foreach (var name in table.CatNames)
        {
            var column = df.Column(name);
            var values = new object?[rows.Count];
            for (var i = 0; i < values.Length; i++) values[i] = RowKey.Normalise(column[rows[i]]);
            table.Raw[name] = values;
        }
        foreach (var name in table.ContNames)
        {
            var column = df.Column(name);
            if (!column.IsNumericColumn())
                throw new ArgumentException($"Continuous column \"{name}\" holds {column.DataType.Name} values; list it in catNames instead.");
            var all = column.ToDoubles();
            table.Conts[name] = rows.Select(r => all[r]).ToArray();
        }
        return table;
    }
}
