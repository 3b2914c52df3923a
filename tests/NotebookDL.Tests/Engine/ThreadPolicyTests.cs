using System.Diagnostics;
using NotebookDL.Engine;

namespace NotebookDL.Tests.Engine;

/// <summary>
/// The adaptive thread policy sees another process take a core and gives it back when it is gone. (Its speed is
/// measured in tests/Benchmarks/thread_policy.py, not here.)
/// </summary>
[Collection(nameof(GlobalTorchGeneratorCollection))] // alone: it changes torch's thread count while it runs
public sealed class ThreadPolicyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public void A_busy_core_elsewhere_lowers_the_wanted_threads_until_it_is_free_again()
    {
        Assert.True(OperatingSystem.IsLinux(), "the policy reads the load from /proc");
        var cores = Environment.ProcessorCount;
        Assert.True(cores >= 2, "needs two cores");
        ThreadPolicy.Enable();
        try
        {
            Assert.True(WaitFor(() => ThreadPolicy.WantedThreads == cores), $"idle: wanted {ThreadPolicy.WantedThreads}, expected {cores}");
            using (var competitor = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!)
            {
                try
                {
                    Assert.True(WaitFor(() => ThreadPolicy.WantedThreads == cores - 1), $"one core busy: wanted {ThreadPolicy.WantedThreads}");
                    var before = ThreadPolicy.Adjustments;
                    ThreadPolicy.Adjust();
                    Assert.Equal(cores - 1, torch.get_num_threads());
                    Assert.Equal(before + 1, ThreadPolicy.Adjustments);
                }
                finally
                {
                    competitor.Kill();
                }
            }
            Assert.True(WaitFor(() => ThreadPolicy.WantedThreads == cores), $"freed: wanted {ThreadPolicy.WantedThreads}");
            ThreadPolicy.Adjust();
            Assert.Equal(cores, torch.get_num_threads());
        }
        finally
        {
            ThreadPolicy.Disable();
        }
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            if (condition()) return true;
            Thread.Sleep(50);
        }
        return condition();
    }
}
