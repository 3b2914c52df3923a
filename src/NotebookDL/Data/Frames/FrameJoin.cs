using Microsoft.Data.Analysis;

namespace NotebookDL.Data;

/// <summary>Which rows a join keeps (pandas' <c>how</c>).</summary>
public enum JoinKind
{
    /// <summary>Every left row, in left order, with nulls where the right side has no match.</summary>
    Left,

    /// <summary>Only left rows with a match, in left order.</summary>
    Inner,
}

public static partial class FrameExtensions
{
    /// <summary>
    /// pandas' <c>left.merge(right, how, left_on, right_on)</c>: rows matched on equal key values (a left row with
    /// several matches appears once per match). The result has the left columns, then the right columns except its
    /// keys; a name in both gets pandas' suffixes <c>_x</c> (left) and <c>_y</c> (right). A missing key matches a
    /// missing key, as pandas' merge does. Keys of different numeric
    /// types match by value (int32 2 = int64 2 = 2.0); a number key against a text key is refused, since pandas
    /// would silently match nothing.
    /// </summary>
    /// <param name="left">The frame whose rows lead.</param>
    /// <param name="right">The frame looked up.</param>
    /// <param name="on">Key columns of <paramref name="left"/>.</param>
    /// <param name="rightOn">Key columns of <paramref name="right"/>, in the same order; <paramref name="on"/> when null.</param>
    /// <param name="how">Left (default) or inner.</param>
    /// <example><code>var sales = yx.Join(storedemo, on: ["store"], rightOn: ["STORE"]);</code></example>
    public static DataFrame Join(this DataFrame left, DataFrame right, IReadOnlyList<string> on, IReadOnlyList<string>? rightOn = null,
        JoinKind how = JoinKind.Left)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        rightOn ??= on;
        if (on is null || on.Count == 0) throw new ArgumentException("Join needs at least one key column.", nameof(on));
        if (rightOn.Count != on.Count)
            throw new ArgumentException($"Join: {on.Count} left key(s) but {rightOn.Count} right key(s); they pair up in order.", nameof(rightOn));
        var leftKeys = on.Select(left.Column).ToArray();
        var rightKeys = rightOn.Select(right.Column).ToArray();
        for (var k = 0; k < leftKeys.Length; k++)
        {
            if (leftKeys[k].IsNumeric() != rightKeys[k].IsNumeric())
                throw new ArgumentException(
                    $"Join: key \"{leftKeys[k].Name}\" ({leftKeys[k].DataType.Name}) cannot match \"{rightKeys[k].Name}\" ({rightKeys[k].DataType.Name}): " +
                    "one holds numbers and the other does not. Convert one side first.", nameof(rightOn));
        }

        var index = new Dictionary<RowKey, List<long>>();
        for (long r = 0; r < right.Rows.Count; r++)
        {
            var key = RowKey.JoinKey(rightKeys, r); // a missing key matches a missing key, as in pandas' merge
            if (!index.TryGetValue(key, out var rows)) index[key] = rows = [];
            rows.Add(r);
        }
        var leftRows = new List<long>();
        var rightRows = new List<long>();
        for (long r = 0; r < left.Rows.Count; r++)
        {
            if (index.TryGetValue(RowKey.JoinKey(leftKeys, r), out var matches))
            {
                foreach (var m in matches) { leftRows.Add(r); rightRows.Add(m); }
            }
            else if (how == JoinKind.Left)
            {
                leftRows.Add(r);
                rightRows.Add(-1);
            }
        }

        var rightKept = right.Columns.Where(c => !rightOn.Contains(c.Name)).ToList();
        var leftNames = left.Columns.Select(c => c.Name).ToHashSet();
        var rightNames = rightKept.Select(c => c.Name).ToHashSet();
        var leftPart = left.Take(leftRows);
        var rightPart = new DataFrame(rightKept).Take(rightRows);
        foreach (var c in leftPart.Columns) if (rightNames.Contains(c.Name)) c.SetName(c.Name + "_x");
        foreach (var c in rightPart.Columns) if (leftNames.Contains(c.Name)) c.SetName(c.Name + "_y");
        return new DataFrame(leftPart.Columns.Concat(rightPart.Columns));
    }
}
