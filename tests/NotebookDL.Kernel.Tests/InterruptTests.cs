using System.Diagnostics;
using NotebookDL.Display;

namespace NotebookDL.Kernel.Tests;

[Collection("interpreter")]
public class InterruptTests(InterpreterFixture fixture)
{
    /// <summary>
    /// Runs <paramref name="code"/> and interrupts it <paramref name="delayMs"/> after it started running; returns how
    /// long the interpreter took to return after the interrupt. The cell first marks that it runs, so the time its
    /// compilation takes on a busy machine is not counted as interrupt latency.
    /// </summary>
    private (Kernel.Scripting.ExecuteOutcome Outcome, TimeSpan AfterInterrupt) RunAndInterrupt(string code, int delayMs = 300)
    {
        var marker = "interrupt-test-" + Guid.NewGuid().ToString("N");
        long interruptedAt = 0;
        using var returned = new CancellationTokenSource();
        var interrupter = Task.Run(async () =>
        {
            // A cell that fails to compile never marks itself: stop waiting when it has returned.
            while (AppDomain.CurrentDomain.GetData(marker) is null)
            {
                if (returned.IsCancellationRequested) return;
                await Task.Delay(5);
            }
            await Task.Delay(delayMs);
            interruptedAt = Stopwatch.GetTimestamp();
            fixture.Interpreter.Interrupt();
        });
        var (outcome, _) = fixture.Run($"AppDomain.CurrentDomain.SetData(\"{marker}\", true); {code}");
        var returnedAt = Stopwatch.GetTimestamp();
        returned.Cancel();
        interrupter.Wait();
        return (outcome, Stopwatch.GetElapsedTime(interruptedAt, returnedAt));
    }

    [Fact]
    public void A_tight_loop_stops_within_two_seconds_and_variables_survive()
    {
        fixture.Run("var survivor = \"still here\";");
        var (outcome, after) = RunAndInterrupt("while (true) { }");
        Assert.Equal("KeyboardInterrupt", outcome.Error!.Name);
        Assert.True(after < TimeSpan.FromSeconds(2), $"took {after}");
        Assert.Contains("still here", fixture.Run("survivor").Output.Result!.Data[MimeBundle.TextPlain]);
    }

    [Fact]
    public void A_loop_inside_a_method_from_an_earlier_cell_stops()
    {
        fixture.Run("void Spin() { long n = 0; for (;;) n++; }");
        var (outcome, _) = RunAndInterrupt("Spin();");
        Assert.Equal("KeyboardInterrupt", outcome.Error!.Name);
        Assert.True(fixture.Run("1").Outcome.Succeeded);
    }

    [Fact]
    public void A_loop_after_an_await_stops()
    {
        // The loop resumes on a pool thread after the await; it counts its turns where the test can see them.
        var (outcome, after) = RunAndInterrupt(
            "await Task.Delay(10); while (true) { AppDomain.CurrentDomain.SetData(\"spins\", (long)(AppDomain.CurrentDomain.GetData(\"spins\") ?? 0L) + 1); }");
        Assert.Equal("KeyboardInterrupt", outcome.Error!.Name);
        Assert.True(after < TimeSpan.FromSeconds(2), $"took {after}");
        // Stopped, not merely abandoned: a loop left spinning would take a core from everything after it.
        var spins = AppDomain.CurrentDomain.GetData("spins");
        Thread.Sleep(300);
        Assert.Equal(spins, AppDomain.CurrentDomain.GetData("spins"));
    }

    [Fact]
    public void A_blocking_call_is_abandoned_within_two_seconds_without_changing_state()
    {
        fixture.Run("var beforeSleep = 1;");
        var (outcome, after) = RunAndInterrupt("System.Threading.Thread.Sleep(3000); var afterSleep = 2;");
        Assert.Equal("KeyboardInterrupt", outcome.Error!.Name);
        Assert.True(after < TimeSpan.FromSeconds(2), $"took {after}");
        Assert.Equal("1", fixture.Run("beforeSleep").Output.Result!.Data[MimeBundle.TextPlain]);
        Thread.Sleep(3000); // let the abandoned cell finish: it must not publish its state
        Assert.Equal("CompilationError", fixture.Run("afterSleep").Outcome.Error!.Name);
    }

    [Fact]
    public void Loops_on_threads_the_cell_started_are_not_killed_by_an_exception()
    {
        // An exception on a bare thread would end the process; such loops must keep running untouched.
        fixture.Run("var stopBackground = false; long backgroundTicks = 0; var background = new System.Threading.Thread(() => { while (!stopBackground) backgroundTicks++; }); background.Start();");
        var (outcome, _) = RunAndInterrupt("while (true) { }");
        Assert.Equal("KeyboardInterrupt", outcome.Error!.Name);
        var (alive, output) = fixture.Run("var ticks1 = backgroundTicks; System.Threading.Thread.Sleep(100); background.IsAlive && backgroundTicks > ticks1");
        Assert.Equal("True", output.Result!.Data[MimeBundle.TextPlain], ignoreCase: true);
        fixture.Run("stopBackground = true; background.Join();");
    }
}
