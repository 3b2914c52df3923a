namespace NotebookDL.Learning.Data;

/// <summary>A loader with no batches: for a learner loaded only to predict, or a fit that should skip validation.</summary>
public sealed class EmptyDataLoader : IDataLoader
{
    public static readonly EmptyDataLoader Instance = new();

    private EmptyDataLoader() { }

    public int Count => 0;

    public int BatchSize => 1;

    public IEnumerator<IBatch> GetEnumerator() => Enumerable.Empty<IBatch>().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
