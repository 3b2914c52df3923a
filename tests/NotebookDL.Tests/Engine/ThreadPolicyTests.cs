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

/// <summary>The step timer keeps one thread only where the workload's own steps ran faster on it.</summary>
public sealed class ThreadTunerTests
{
    private static int Run(double manySeconds, double oneSeconds)
    {
        var tuner = new ThreadTuner();
        tuner.Reset(1);
        var threads = tuner.Next(2, 0);
        for (var step = 0; step < 40; step++)
            threads = tuner.Next(2, threads == 1 ? oneSeconds : manySeconds);
        return threads;
    }

    [Fact]
    public void One_thread_is_kept_only_when_its_steps_are_faster()
    {
        Assert.Equal(1, Run(manySeconds: 0.000499, oneSeconds: 0.000420)); // the tabular net measured idle
        Assert.Equal(2, Run(manySeconds: 0.0145, oneSeconds: 0.0246));     // the small CNN
        Assert.Equal(2, Run(manySeconds: 0.0100, oneSeconds: 0.0098));     // within 5 %: the free cores stay
    }

    [Fact]
    public void Under_load_one_free_core_means_one_thread_whatever_was_measured()
    {
        var tuner = new ThreadTuner();
        tuner.Reset(1);
        for (var step = 0; step < 30; step++) tuner.Next(2, 0.01);
        Assert.Equal(1, tuner.Next(1, 0.01));
    }
}
