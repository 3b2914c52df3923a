namespace NotebookDL.Torch.Tests;

public class SmokeTests
{
    [Fact]
    public void MatmulOfKnownMatrices()
    {
        using var a = tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        using var b = tensor(new float[,] { { 5, 6 }, { 7, 8 } });
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.ToArray<float>());
        Assert.Equal("tensor([[19., 22.],\n        [43., 50.]])", c.ToString());
    }
}
