using NotebookDL.Engine;
using NotebookDL.Learning;
using NotebookDL.Data;

namespace NotebookDL.Tests.Engine;

/// <summary>
/// A Learner whose model does not fit its data throws a .NET exception that reads like PyTorch's (one line, the C++
/// frames kept in the exception's Data), and the process lives on to train a model that fits.
/// </summary>
public sealed class LearnerNativeErrorTests
{
    [Fact]
    public void A_head_that_does_not_fit_the_data_throws_a_one_line_error()
    {
        using var x = rand(32, 20);
        using var y = randint(0, 5, [32]);
        var loader = new BatchLoader(new TensorRowsDataset(x, y), 8, numWorkers: 0);
        var learn = new Learner(new DataLoaders(loader, loader), nn.Sequential(nn.Linear(10, 5)), LossFunction.CrossEntropy, progress: false);

        var ex = Assert.ThrowsAny<Exception>(() => learn.Fit(1, 1e-3));

        var inner = ex.InnerException ?? ex;
        var message = NativeErrors.Message(inner);
        Assert.Contains("cannot be multiplied (8x20 and 10x5)", message);
        Assert.DoesNotContain("\n", message);
        Assert.Contains("frame #", (string)inner.Data[NativeErrors.FramesKey]!);

        var fitting = new Learner(new DataLoaders(loader, loader), nn.Sequential(nn.Linear(20, 5)), LossFunction.CrossEntropy, progress: false);
        fitting.Fit(1, 1e-3);
    }

    [Fact]
    public void Split_takes_the_frames_off_and_leaves_other_messages_alone()
    {
        var (message, frames) = NativeErrors.Split("shape '[4, -1, 5]' is invalid for input of size 6\nException raised from infer_size_impl at x.h:72 (most recent call first):\nframe #0: c10::Error::Error()");
        Assert.Equal("shape '[4, -1, 5]' is invalid for input of size 6", message);
        Assert.StartsWith("Exception raised from", frames);
        Assert.Equal(("plain message", null), NativeErrors.Split("plain message"));
        Assert.Equal(("quoting frame #0: in a user's text", null), NativeErrors.Split("quoting frame #0: in a user's text"));
    }
}
