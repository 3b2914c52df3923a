using Microsoft.Data.Analysis;
using NotebookDL.Data;

namespace NotebookDL.Tabular;

/// <summary>
/// The course's Rossmann features "days since / until" an event (a promotion, a holiday), per group (a store):
/// sales dip after a promotion and people wait for an announced one, which no single row's flag says.
/// </summary>
public static class EventElapsed
{
    /// <summary>
    /// For each event column adds <c>{event}_since</c> (days since the group's latest row with the event, 0 on an
    /// event day, missing before the group's first event) and <c>{event}_until</c> (days until its next one, 0 on an
    /// event day, missing after its last). Rows keep their order; within a group they are taken in date order.
    /// </summary>
    /// <param name="df">The frame; the columns are appended (and the frame returned for chaining).</param>
    /// <param name="keys">Columns whose values form a group (e.g. store and brand); rows with a missing key get missing values.</param>
    /// <param name="dateColumn">A DateTime column.</param>
    /// <param name="events">Bool or numeric columns; true or non-zero marks an event.</param>
    /// <example><code>df.AddEventElapsed(["store", "brand"], "Date", "deal");</code></example>
    public static DataFrame AddEventElapsed(this DataFrame df, IReadOnlyList<string> keys, string dateColumn, params string[] events)
    {
        ArgumentNullException.ThrowIfNull(df);
        if (events.Length == 0) throw new ArgumentException("Name at least one event column.", nameof(events));
        var keyColumns = keys.Select(df.Column).ToArray();
        var dates = df.Column(dateColumn) as PrimitiveDataFrameColumn<DateTime>
            ?? throw new ArgumentException($"Column \"{dateColumn}\" holds {df.Column(dateColumn).DataType.Name} values, not dates (DateTime).", nameof(dateColumn));
        var groups = new Dictionary<RowKey, List<long>>();
        for (long r = 0; r < df.Rows.Count; r++)
        {
            if (RowKey.Of(keyColumns, r) is not { } key || dates[r] is null) continue;
            if (!groups.TryGetValue(key, out var rows)) groups[key] = rows = [];
            rows.Add(r);
        }
        foreach (var rows in groups.Values) rows.Sort((a, b) => dates[a]!.Value.CompareTo(dates[b]!.Value));

        foreach (var name in events)
        {
            var flags = df.Column(name).ToDoubles();
            var since = new long?[df.Rows.Count];
            var until = new long?[df.Rows.Count];
            foreach (var rows in groups.Values)
            {
                DateTime? last = null;
                foreach (var r in rows)
                {
                    if (IsEvent(flags[r])) last = dates[r];
                    if (last is { } l) since[r] = (long)(dates[r]!.Value - l).TotalDays;
                }
                DateTime? next = null;
                for (var i = rows.Count - 1; i >= 0; i--)
                {
                    var r = rows[i];
                    if (IsEvent(flags[r])) next = dates[r];
                    if (next is { } n) until[r] = (long)(n - dates[r]!.Value).TotalDays;
                }
            }
            df.Columns.Add(new Int64DataFrameColumn(name + "_since", since));
            df.Columns.Add(new Int64DataFrameColumn(name + "_until", until));
        }
        return df;
    }

    private static bool IsEvent(double flag) => !double.IsNaN(flag) && flag != 0;
}
