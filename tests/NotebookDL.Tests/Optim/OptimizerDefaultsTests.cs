namespace NotebookDL.Optim.Tests.Optim;

/// <summary>The defaults are PyTorch 1.13's (torch/optim/*.py __init__ signatures), and the factories use them.</summary>
public sealed class OptimizerDefaultsTests
{
    [Fact]
    public void OptionsRecordsHoldPyTorchDefaults()
    {
        var adam = new AdamOptions();
        Assert.Equal((1e-3, (0.9, 0.999), 1e-8, 0.0, false), (adam.lr, adam.betas, adam.eps, adam.weight_decay, adam.amsgrad));
        var adamw = new AdamWOptions();
        Assert.Equal((1e-3, (0.9, 0.999), 1e-8, 1e-2, false), (adamw.lr, adamw.betas, adamw.eps, adamw.weight_decay, adamw.amsgrad));
        Assert.True(adamw.decoupled_weight_decay);
        Assert.False(adam.decoupled_weight_decay);
        var rms = new RMSpropOptions();
        Assert.Equal((1e-2, 0.99, 1e-8, 0.0, 0.0, false), (rms.lr, rms.alpha, rms.eps, rms.weight_decay, rms.momentum, rms.centered));
        var sgd = new SGDOptions(0.1);
        Assert.Equal((0.1, 0.0, 0.0, 0.0, false), (sgd.lr, sgd.momentum, sgd.dampening, sgd.weight_decay, sgd.nesterov));
    }

    [Fact]
    public void FactoriesStartFromTheOptionsDefaults()
    {
        using var p = torch.zeros(2).requires_grad_();
        using var adam = Optimizers.Adam([p]);
        using var adamw = Optimizers.AdamW([p], lr: 0.5);
        using var rms = Optimizers.RMSprop([p]);
        Assert.Equal(new AdamOptions(), adam.param_groups[0].options);
        Assert.Equal(new AdamWOptions { lr = 0.5 }, adamw.param_groups[0].options);
        Assert.Equal(new RMSpropOptions(), rms.param_groups[0].options);
    }

    [Theory]
    [InlineData(-1.0, "Invalid learning rate: -1")]
    [InlineData(double.NaN, "Invalid learning rate: NaN")]
    public void NegativeLearningRateIsRejectedWithPyTorchsMessage(double lr, string message)
    {
        using var p = torch.zeros(2);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Optimizers.SGD([p], lr)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Optimizers.Adam([p], lr: lr)).Message);
    }

    [Fact]
    public void OtherInvalidValuesAreNamed()
    {
        using var p = torch.zeros(2);
        Assert.Equal("Invalid beta parameter at index 0: 1", Assert.Throws<ArgumentException>(() => Optimizers.Adam([p], betas: (1.0, 0.999))).Message);
        Assert.Equal("Invalid beta parameter at index 1: -0.5", Assert.Throws<ArgumentException>(() => Optimizers.AdamW([p], betas: (0.9, -0.5))).Message);
        Assert.Equal("Invalid epsilon value: -1E-08", Assert.Throws<ArgumentException>(() => Optimizers.RMSprop([p], eps: -1e-8)).Message);
        Assert.Equal("Invalid momentum value: -0.1", Assert.Throws<ArgumentException>(() => Optimizers.SGD([p], 0.1, momentum: -0.1)).Message);
        Assert.Equal("Invalid weight_decay value: -2", Assert.Throws<ArgumentException>(() => Optimizers.SGD([p], 0.1, weight_decay: -2)).Message);
        Assert.Equal("Nesterov momentum requires a momentum and zero dampening",
            Assert.Throws<ArgumentException>(() => Optimizers.SGD([p], 0.1, nesterov: true)).Message);
        Assert.Throws<ArgumentException>(() => Optimizers.SGD([], 0.1));
    }

    [Fact]
    public void SettingAnInvalidGroupValueThrowsAndKeepsTheOldOne()
    {
        using var p = torch.zeros(2);
        using var opt = Optimizers.Adam([p], lr: 0.1);
        Assert.Equal("Invalid learning rate: -1", Assert.Throws<ArgumentException>(() => opt.param_groups[0].lr = -1).Message);
        Assert.Equal(0.1, opt.param_groups[0].lr);
    }
}
