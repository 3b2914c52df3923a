using System.Globalization;

namespace NotebookDL.Learning;

/// <summary>
/// Writes the Recorder's epoch table to a CSV file (fastai's <c>CSVLogger</c>): the header at the start of the fit
/// (unless appending to an existing file), one row per epoch, flushed as it goes.
/// </summary>
public sealed class CSVLogger(string fname = "history.csv", bool append = false) : Callback
{
    private StreamWriter? _writer;

    public override int Order => 60;

    public string FileName { get; } = fname;

    public override void BeforeFit()
    {
        var exists = File.Exists(FileName) && new FileInfo(FileName).Length > 0;
        _writer = new StreamWriter(FileName, append);
        if (!append || !exists) _writer.WriteLine(string.Join(",", Learn.Recorder.MetricNames));
    }

    public override void AfterEpoch()
    {
        if (_writer is null || !Learn.Logging) return;
        _writer.WriteLine(string.Join(",", Learn.Recorder.Log.Select(Cell)));
        _writer.Flush();
    }

    public override void AfterFit()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"mm\:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
