namespace NotebookDL.Optim;

/// <summary>
/// PyTorch-style factories: <c>Optimizers.AdamW(model.parameters(), lr: 1e-3)</c> (TorchSharp's own <c>optim</c> grows memory every step, see <see cref="Optimizer"/>). Every argument left null takes the
/// default from the optimizer's options record, where each default is written once. For several parameter
/// groups, use the constructors: <c>new AdamWOptimizer([new ParameterGroup(a, lr: 1e-4), new ParameterGroup(b)], new AdamWOptions())</c>.
/// </summary>
public static class Optimizers
{
    public static SGDOptimizer SGD(IEnumerable<Tensor> parameters, double lr, double? momentum = null, double? dampening = null,
        double? weight_decay = null, bool? nesterov = null, bool? maximize = null)
    {
        var d = new SGDOptions(lr);
        return new(One(parameters), d with
        {
            momentum = momentum ?? d.momentum, dampening = dampening ?? d.dampening, weight_decay = weight_decay ?? d.weight_decay,
            nesterov = nesterov ?? d.nesterov, maximize = maximize ?? d.maximize,
        });
    }

    public static AdamOptimizer Adam(IEnumerable<Tensor> parameters, double? lr = null, (double, double)? betas = null,
        double? eps = null, double? weight_decay = null, bool? amsgrad = null, bool? maximize = null) =>
        new(One(parameters), Merge(new AdamOptions(), lr, betas, eps, weight_decay, amsgrad, maximize));

    public static AdamWOptimizer AdamW(IEnumerable<Tensor> parameters, double? lr = null, (double, double)? betas = null,
        double? eps = null, double? weight_decay = null, bool? amsgrad = null, bool? maximize = null) =>
        new(One(parameters), Merge(new AdamWOptions(), lr, betas, eps, weight_decay, amsgrad, maximize));

    public static RMSpropOptimizer RMSprop(IEnumerable<Tensor> parameters, double? lr = null, double? alpha = null, double? eps = null,
        double? weight_decay = null, double? momentum = null, bool? centered = null, bool? maximize = null)
    {
        var d = new RMSpropOptions();
        return new(One(parameters), d with
        {
            lr = lr ?? d.lr, alpha = alpha ?? d.alpha, eps = eps ?? d.eps, weight_decay = weight_decay ?? d.weight_decay,
            momentum = momentum ?? d.momentum, centered = centered ?? d.centered, maximize = maximize ?? d.maximize,
        });
    }

    private static ParameterGroup[] One(IEnumerable<Tensor> parameters) => [new ParameterGroup(parameters)];

    private static T Merge<T>(T d, double? lr, (double, double)? betas, double? eps, double? weight_decay, bool? amsgrad, bool? maximize)
        where T : AdamOptions => d with
        {
            lr = lr ?? d.lr, betas = betas ?? d.betas, eps = eps ?? d.eps, weight_decay = weight_decay ?? d.weight_decay,
            amsgrad = amsgrad ?? d.amsgrad, maximize = maximize ?? d.maximize,
        };
}
