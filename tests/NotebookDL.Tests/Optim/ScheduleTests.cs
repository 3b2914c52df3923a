namespace NotebookDL.Optim.Tests.Optim;

/// <summary>Schedules checked against their defining formulas and properties (fastai's code is not installed here).</summary>
public sealed class ScheduleTests
{
    private static readonly double[] Grid = Enumerable.Range(0, 1001).Select(i => i / 1000.0).ToArray();

    private static void AssertMonotone(Func<double, double> f, double from, double to, bool increasing)
    {
        var xs = Grid.Where(x => x >= from && x <= to).ToArray();
        for (var i = 1; i < xs.Length; i++)
            Assert.True(increasing ? f(xs[i]) >= f(xs[i - 1]) - 1e-15 : f(xs[i]) <= f(xs[i - 1]) + 1e-15, $"not monotone at {xs[i]}");
    }

    [Fact]
    public void PrimitivesHitTheirEndpointsAndMidpoints()
    {
        Assert.Equal(2.0, Sched.Linear(2, 6)(0));
        Assert.Equal(4.0, Sched.Linear(2, 6)(0.5));
        Assert.Equal(6.0, Sched.Linear(2, 6)(1));
        Assert.Equal(2.0, Sched.Cos(2, 6)(0), 12);
        Assert.Equal(4.0, Sched.Cos(2, 6)(0.5), 12);     // cos(pi/2) = 0: halfway in value at half time
        Assert.Equal(6.0, Sched.Cos(2, 6)(1), 12);
        Assert.Equal(2 + 4 * (1 - Math.Cos(Math.PI / 4)) / 2, Sched.Cos(2, 6)(0.25), 12);
        Assert.Equal(1e-7, Sched.Exp(1e-7, 10)(0), tolerance: 1e-20);
        Assert.Equal(Math.Sqrt(1e-7 * 10), Sched.Exp(1e-7, 10)(0.5), 12); // geometric mean
        Assert.Equal(10, Sched.Exp(1e-7, 10)(1), 9);
        Assert.Equal(3.0, Sched.No(3)(0.7));
    }

    [Fact]
    public void CombineRunsEachScheduleOverItsShare()
    {
        var f = Sched.Combine([0.3, 0.7], [Sched.Linear(0, 1), Sched.Linear(10, 20)]);
        Assert.Equal(0.0, f(0));
        Assert.Equal(0.5, f(0.15), 12);
        Assert.Equal(10.0, f(0.3), 12);          // the second schedule owns its start point, as in fastai
        Assert.Equal(15.0, f(0.65), 12);
        Assert.Equal(20.0, f(1), 12);
        Assert.Throws<ArgumentException>(() => Sched.Combine([0.5, 0.6], [Sched.No(0), Sched.No(1)]));
        Assert.Throws<ArgumentException>(() => Sched.Combine([0.5], [Sched.No(0), Sched.No(1)]));
    }

    [Fact]
    public void OneCycleLrWarmsUpThenAnneals()
    {
        var lr = Sched.OneCycleLr(3e-3);
        Assert.Equal(3e-3 / 25, lr(0), 15);
        Assert.Equal(3e-3, lr(0.25), 15);
        Assert.Equal(3e-3 / 1e5, lr(1), 15);
        AssertMonotone(lr, 0, 0.25, increasing: true);
        AssertMonotone(lr, 0.25, 1, increasing: false);
        // Continuous at the phase boundary.
        Assert.Equal(lr(0.25), lr(0.25 - 1e-9), 9);
        // Halfway through the annealing phase the value is midway between lrMax and the final lr.
        Assert.Equal((3e-3 + 3e-3 / 1e5) / 2, lr(0.25 + 0.75 / 2), 12);
    }

    [Fact]
    public void OneCycleMomentumMirrorsTheLearningRate()
    {
        var mom = Sched.OneCycleMom();
        Assert.Equal(0.95, mom(0), 12);
        Assert.Equal(0.85, mom(0.25), 12);
        Assert.Equal(0.95, mom(1), 12);
        AssertMonotone(mom, 0, 0.25, increasing: false);
        AssertMonotone(mom, 0.25, 1, increasing: true);
    }

    [Fact]
    public void SgdrRestartsAtTheStartOfEachCycle()
    {
        // 3 cycles of 1, 2, 4 epochs: 7 epochs; restarts at 1/7 and 3/7.
        var lr = Sched.Sgdr(1e-2, nCycles: 3, cycleLen: 1, cycleMult: 2);
        Assert.Equal(7, Sched.SgdrEpochs(3, 1, 2));
        foreach (var start in new[] { 0.0, 1 / 7.0, 3 / 7.0 })
            Assert.Equal(1e-2, lr(start), 12);
        Assert.Equal(0, lr(1 / 7.0 - 1e-12), 9);    // the end of a cycle has annealed to 0
        Assert.Equal(0, lr(1), 12);
        Assert.Equal(0.5e-2, lr(3 / 7.0 + 2 / 7.0), 12); // halfway through the 4-epoch cycle
        AssertMonotone(lr, 3 / 7.0 + 1e-9, 1, increasing: false);
        var flat = Sched.Sgdr(1, nCycles: 4, cycleLen: 2, cycleMult: 1);
        Assert.Equal(1.0, flat(0.5), 12);            // equal cycles: restarts every quarter
        Assert.Equal(0.5, flat(0.125), 12);
    }

    [Fact]
    public void FlatCosHoldsThenAnneals()
    {
        var lr = Sched.FlatCos(1e-3);
        Assert.All(Grid.Where(x => x <= 0.75), x => Assert.Equal(1e-3, lr(x), 15));
        Assert.Equal(1e-3 / 1e5, lr(1), 15);
        AssertMonotone(lr, 0.75, 1, increasing: false);
    }
}
