using NotebookDL.Data;

namespace NotebookDL.Tests.Data;

public class DataLoaderTests
{
    [Fact]
    public void Same_seed_gives_the_same_batches_and_a_different_seed_does_not()
    {
        var a = Batches.Labels(new BatchLoader(new IndexDataset(100), bs: 10, shuffle: true, seed: 42));
        var b = Batches.Labels(new BatchLoader(new IndexDataset(100), bs: 10, shuffle: true, seed: 42));
        var c = Batches.Labels(new BatchLoader(new IndexDataset(100), bs: 10, shuffle: true, seed: 43));

        Assert.Equal(a.SelectMany(x => x), b.SelectMany(x => x));
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
        Assert.NotEqual(Enumerable.Range(0, 100).Select(i => (long)i), a.SelectMany(x => x)); // actually shuffled
    }

    [Fact]
    public void Order_is_independent_of_the_number_of_workers()
    {
        var one = Batches.Labels(new BatchLoader(new IndexDataset(64, delayMs: 1), bs: 8, shuffle: true, numWorkers: 1, seed: 5));
        var zero = Batches.Labels(new BatchLoader(new IndexDataset(64), bs: 8, shuffle: true, numWorkers: 0, seed: 5));
        var two = Batches.Labels(new BatchLoader(new IndexDataset(64, delayMs: 1), bs: 8, shuffle: true, numWorkers: 2, seed: 5));
        Assert.Equal(zero.SelectMany(x => x), one.SelectMany(x => x));
        Assert.Equal(zero.SelectMany(x => x), two.SelectMany(x => x));
    }

    [Fact]
    public void Each_epoch_sees_every_item_exactly_once_in_a_new_order()
    {
        var dl = new BatchLoader(new IndexDataset(103), bs: 10, shuffle: true, seed: 1);
        var epoch1 = Batches.Labels(dl).SelectMany(x => x).ToList();
        var epoch2 = Batches.Labels(dl).SelectMany(x => x).ToList();

        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), epoch1.Order());
        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), epoch2.Order());
        Assert.NotEqual(epoch1, epoch2);
        Assert.Equal(2, dl.Epoch);
    }

    [Fact]
    public void DropLast_drops_only_the_partial_batch()
    {
        var keep = Batches.Labels(new BatchLoader(new IndexDataset(25), bs: 10));
        var drop = new BatchLoader(new IndexDataset(25), bs: 10, dropLast: true);
        var dropped = Batches.Labels(drop);

        Assert.Equal([10, 10, 5], keep.Select(b => b.Length));
        Assert.Equal([10, 10], dropped.Select(b => b.Length));
        Assert.Equal(2, drop.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), keep.SelectMany(x => x)); // unshuffled keeps order
    }

    [Fact]
    public void A_worker_failure_surfaces_on_the_consumer_and_stops_the_workers()
    {
        var dl = new BatchLoader(new IndexDataset(50, failAt: 27), bs: 5, numWorkers: 2);
        var seen = new List<long>();

        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var batch in dl)
            {
                using (batch) seen.AddRange(batch.Y.ToArray<long>());
            }
        });

        Assert.Contains("item 27 is broken", e.Message);
        Assert.Equal(25, seen.Count); // batches 0-4 arrived, batch 5 (items 25-29) failed
        Assert.Equal(0, dl.LiveWorkers); // Dispose joined them
    }

    [Fact]
    public void Breaking_out_early_stops_workers_promptly()
    {
        var dl = new BatchLoader(new IndexDataset(10_000, delayMs: 2), bs: 4, numWorkers: 2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var taken = 0;
        foreach (var batch in dl)
        {
            batch.Dispose();
            if (++taken == 3) break;
        }
        Assert.Equal(0, dl.LiveWorkers); // Dispose joined them
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Batches_outlive_the_consumers_dispose_scope()
    {
        var dl = new BatchLoader(new IndexDataset(8), bs: 4, numWorkers: 0);
        Batch kept;
        using (NewDisposeScope())
        {
            using var e = dl.GetEnumerator();
            Assert.True(e.MoveNext());
            kept = e.Current;
        }
        Assert.False(kept.X.IsInvalid);
        Assert.Equal([0L, 1, 2, 3], kept.Y.ToArray<long>());
        kept.Dispose();
        Assert.True(kept.X.IsInvalid);
    }

    [Fact]
    public void Batch_transforms_run_in_order_with_the_training_flag()
    {
        var record = new List<bool>();
        var dl = new BatchLoader(new IndexDataset(6), bs: 3, shuffle: true, seed: 3,
            batchTfms: [new AddTransform(10, record), new AddTransform(100, record)]);
        foreach (var batch in dl)
        {
            using (batch)
            {
                var x = batch.X.ToArray<float>();
                var y = batch.Y.ToArray<long>();
                for (var i = 0; i < x.Length; i++) Assert.Equal(y[i] + 110f, x[i]);
            }
        }
        Assert.Equal([true, true, true, true], record);
    }

    [Fact]
    public void OneBatch_does_not_start_an_epoch()
    {
        var dl = new BatchLoader(new IndexDataset(20), bs: 5, shuffle: true, seed: 9);
        using (var one = dl.OneBatch()) Assert.Equal(dl.ItemOrder(0)[..5].Select(i => (long)i), one.Y.ToArray<long>());
        Assert.Equal(0, dl.Epoch);
        Assert.Equal(dl.ItemOrder(0).Select(i => (long)i), Batches.Labels(dl).SelectMany(x => x));
    }


    private sealed class AddTransform(float amount, List<bool> record) : IBatchTransform
    {
        public (Tensor X, Tensor Y) Apply(Tensor x, Tensor y, bool training)
        {
            record.Add(training);
            return (x.add(amount), y);
        }
    }
}
