// The interpreter redirects the process-wide Console and Display publisher, so its tests cannot run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
