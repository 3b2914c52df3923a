using System.Runtime.CompilerServices;

namespace NotebookDL.Data;

/// <summary>
/// Builds batches 0..n-1 on worker threads and hands them out in order. At most <c>prefetch</c> batches are built
/// but not yet taken (a semaphore slot per batch), which bounds memory. A failure building batch k is rethrown
/// by <see cref="Take"/>(k) on the consumer. <see cref="Dispose"/> (the consumer stopped early, threw, or finished)
/// stops the workers, waits for them, and frees batches built but never taken — so a <c>break</c> out of a
/// <c>foreach</c> leaks neither threads nor tensors.
/// </summary>
internal sealed class PrefetchPipeline : IDisposable
{
    private readonly StrongBox<int> liveWorkers;
    private readonly Func<int, Batch> build;
    private readonly TaskCompletionSource<Batch>?[] results;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] workers;
    private int next = -1;
    private bool disposed;

    /// <param name="count">Batches to build.</param>
    /// <param name="build">Builds batch k (called on worker threads).</param>
    /// <param name="numWorkers">Worker threads; 0 builds each batch in <see cref="Take"/> on the caller's thread.</param>
    /// <param name="prefetch">Batches built but not yet taken, at most.</param>
    /// <param name="liveWorkers">Counts this pipeline's running workers (owned by the loader, read by tests).</param>
    public PrefetchPipeline(int count, Func<int, Batch> build, int numWorkers, int prefetch, StrongBox<int>? liveWorkers = null)
    {
        this.build = build;
        this.liveWorkers = liveWorkers ?? new StrongBox<int>();
        results = new TaskCompletionSource<Batch>?[count];
        for (var i = 0; i < count; i++) results[i] = new TaskCompletionSource<Batch>(TaskCreationOptions.RunContinuationsAsynchronously);
        slots = new SemaphoreSlim(Math.Max(1, prefetch));
        // Workers are tasks on the thread pool, not fresh threads per epoch: native memory freed by a thread stays
        // in that thread's malloc arena, so new threads every epoch made the process grow ~one batch per epoch until
        // glibc ran out of arenas (measured). Pool threads persist, so the arenas do too, and are reused. Waiting for a
        // slot is asynchronous, so a worker never blocks a pool thread while the consumer is behind.
        workers = new Task[numWorkers];
        for (var w = 0; w < numWorkers; w++)
        {
            Interlocked.Increment(ref this.liveWorkers.Value);
            workers[w] = Task.Run(WorkAsync);
        }
    }

    /// <summary>Batch <paramref name="k"/>, waiting for it if needed; takes ownership away from the pipeline.</summary>
    public Batch Take(int k)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (workers.Length == 0) return BuildInline(k);
        var source = results[k] ?? throw new InvalidOperationException($"Batch {k} was already taken.");
        try
        {
            return source.Task.GetAwaiter().GetResult();
        }
        finally
        {
            results[k] = null;
            slots.Release();
        }
    }

    private Batch BuildInline(int k)
    {
        results[k] = null;
        // The consumer's thread may be inside its own DisposeScope; the batch must not belong to it.
        using var scope = torch.NewDisposeScope();
        var batch = build(k);
        batch.X.DetachFromDisposeScope();
        batch.Y.DetachFromDisposeScope();
        return batch;
    }

    private async Task WorkAsync()
    {
        try
        {
            while (true)
            {
                try
                {
                    await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var k = Interlocked.Increment(ref next);
                if (k >= results.Length || stop.IsCancellationRequested) return;
                var target = results[k]!;
                try
                {
                    target.SetResult(build(k));
                }
                catch (Exception e)
                {
                    target.SetException(e);
                    return; // the consumer will stop at this batch; building more would be wasted
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref liveWorkers.Value);
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stop.Cancel();
        // Workers end on their own (cancellation or no batches left) and never fault: failures go to the results.
        Task.WaitAll(workers);
        foreach (var pending in results)
        {
            if (pending is { Task.IsCompletedSuccessfully: true }) pending.Task.Result.Dispose();
        }
        slots.Dispose();
        stop.Dispose();
    }
}
