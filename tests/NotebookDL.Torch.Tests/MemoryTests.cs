
namespace NotebookDL.Torch.Tests;

// Memory and lifetime tests run alone: RSS is process-wide.
[Collection(nameof(MemoryCollection))]
public class MemoryTests
{
    [Fact]
    public void Disposed_tensor_throws_ObjectDisposedException_and_prints_as_disposed()
    {
        var x = ones(2);
        x.Dispose();
        Assert.True(x.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => x.sum());
        Assert.Contains("disposed", e.Message);
        Assert.Throws<ObjectDisposedException>(() => x.shape);
        Assert.Equal("tensor(<disposed>)", x.ToString());
        x.Dispose(); // idempotent
    }

    [Fact]
    public void Scope_disposes_what_it_created_and_spares_what_was_moved_or_detached()
    {
        Tensor inner, moved, detached, outerMade;
        using (var outer = NewDisposeScope())
        {
            outerMade = zeros(1);
            using (var scope = NewDisposeScope())
            {
                Assert.Same(scope, DisposeScope.Current);
                inner = ones(1);
                moved = (inner * 2).MoveToOuterDisposeScope();
                detached = (inner * 3).DetachFromDisposeScope();
                Assert.Equal(1, scope.Count);
            }
            Assert.Same(outer, DisposeScope.Current);
            Assert.True(inner.IsDisposed);
            Assert.False(moved.IsDisposed);
            Assert.Equal(2f, moved.item<float>());
        }
        Assert.Null(DisposeScope.Current);
        Assert.True(moved.IsDisposed);       // the outer scope owned it
        Assert.True(outerMade.IsDisposed);
        Assert.False(detached.IsDisposed);   // the caller owns it
        detached.Dispose();
    }

    [Fact]
    public void Training_like_loop_of_20000_steps_keeps_native_memory_flat()
    {
        manual_seed(0);
        using var w = (randn(64, 32) * 0.1).requires_grad_();
        using var x = randn(16, 64);
        using var y = randn(16, 32);

        void Step()
        {
            using var scope = NewDisposeScope();
            var loss = (x.matmul(w).tanh() - y).pow(2).mean();
            loss.backward();
            using (no_grad()) w.sub_(w.grad!, alpha: 0.01);
            w.grad!.zero_();
        }

        for (var i = 0; i < 500; i++) Step(); // warm up allocator caches and JIT
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ProcessMemory.ResidentBytes();
        for (var i = 0; i < 20_000; i++) Step();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = ProcessMemory.ResidentBytes() - before;
        Assert.True(growth < 50L * 1024 * 1024, $"RSS grew by {growth / (1024 * 1024.0):F1} MB over 20,000 steps");
    }
}

[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public class MemoryCollection;
