using NotebookDL.Display;

namespace NotebookDL.Display.Tests;

/// <summary>Tests that read or replace process-wide state (DisplayContext.Publisher, Console.Out) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalDisplayState
{
    public const string Name = "global display state";
}

/// <summary>A clock that only moves when told to.</summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>Records every publish and update.</summary>
public sealed class RecordingPublisher : IDisplayPublisher
{
    public List<(string Kind, MimeBundle Bundle, string? Id)> Calls { get; } = [];

    public void Publish(MimeBundle bundle, string? displayId)
    {
        lock (Calls) Calls.Add(("publish", bundle, displayId));
    }

    public void Update(MimeBundle bundle, string displayId)
    {
        lock (Calls) Calls.Add(("update", bundle, displayId));
    }
}
