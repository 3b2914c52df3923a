namespace NotebookDL.Tests;

/// <summary>
/// Test classes that measure the process's resident memory run alone: other tests allocating at the same time in
/// this process would show up as growth.
/// </summary>
[CollectionDefinition(nameof(ProcessMemoryCollection), DisableParallelization = true)]
public class ProcessMemoryCollection;
