namespace NotebookDL.Kernel.Scripting;

/// <summary>
/// Runs cells on a dedicated thread while the shell thread waits. Most interrupts end a cell through its
/// inserted checks within milliseconds; a cell stuck in a call no check can reach (Thread.Sleep, a blocking
/// read, a long native op) is abandoned after <see cref="AbandonAfter"/>: the caller gets the interrupt at
/// once, the stuck thread is left to finish in the background, and a fresh thread runs the next cells.
/// </summary>
internal sealed class CellRunner
{
    /// <summary>How long after an interrupt a cell may take to stop on its own.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(1);

    // Deep recursion in notebooks is common (recursive models, tree code); 1 MB default stacks overflow early,
    // and a stack overflow cannot be caught: it ends the kernel. StackGuard stops a cell's own calls at 8 MB of it.
    private const int StackSize = 64 * 1024 * 1024;

    private Worker worker = new();

    /// <summary>Runs <paramref name="work"/> on the cell thread; throws <see cref="OperationCanceledException"/> if abandoned.</summary>
    public void Run(Action<CellToken> work)
    {
        var job = new Job(work);
        worker.Post(job);
        DateTime? interruptedAt = null;
        while (!job.Done.Wait(50))
        {
            if (job.Token?.IsCancelled != true) continue;
            interruptedAt ??= DateTime.UtcNow;
            if (DateTime.UtcNow - interruptedAt < AbandonAfter) continue;
            KernelLog.Warn("interrupted cell did not stop (blocked outside cell code); abandoning its thread");
            Cancellation.NoteAbandoned();
            worker.Retire();
            worker = new Worker();
            throw new OperationCanceledException("The cell did not stop and was abandoned; it may still finish in the background.");
        }
        if (job.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private sealed class Job(Action<CellToken> work)
    {
        public ManualResetEventSlim Done { get; } = new();
        public volatile CellToken? Token;
        public Exception? Failure;

        public void Execute()
        {
            try
            {
                Token = Cancellation.BeginCell();
                StackGuard.BeginCell();
                work(Token);
            }
            catch (Exception ex)
            {
                Failure = ex;
            }
            finally
            {
                Done.Set();
            }
        }
    }

    /// <summary>One cell thread with a one-slot mailbox.</summary>
    private sealed class Worker
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Job> jobs = new(boundedCapacity: 1);

        public Worker()
        {
            var thread = new Thread(Loop, StackSize) { IsBackground = true, Name = "notebookdl-cell" };
            thread.Start();
        }

        public void Post(Job job) => jobs.Add(job);

        /// <summary>Lets the thread end once its current (stuck) job returns.</summary>
        public void Retire() => jobs.CompleteAdding();

        private void Loop()
        {
            Cancellation.MarkRunnerThread();
            foreach (var job in jobs.GetConsumingEnumerable()) job.Execute();
        }
    }
}
