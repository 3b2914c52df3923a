using NotebookDL.Models;

namespace NotebookDL.Learning;

public sealed partial class Learner
{
    /// <summary>
    /// Runs one training batch through the model in eval mode with forward hooks on every leaf layer, and reports
    /// each layer's output shape, parameter count and trainability (fastai's <c>summary()</c>).
    /// </summary>
    public LearnerSummary Summary()
    {
        var leaves = Model.PreOrder().Where(m => !m.module.children().Any()).ToList();
        var shapes = new Dictionary<nn.Module, long[]>(ReferenceEqualityComparer.Instance);
        var hooks = leaves.Select(l => new ForwardHook(l.module, (m, output) => shapes[m] = output.shape)).ToList();
        var wasTraining = Model.training;
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            Model.eval();
            using var batch = Dls.Train.FirstOrDefault() ?? Dls.Valid.FirstOrDefault()
                ?? throw new InvalidOperationException("Summary needs one batch, but both data loaders are empty.");
            Model.call(batch.X);
        }
        finally
        {
            hooks.ForEach(h => h.Dispose());
            Model.train(wasTraining);
        }
        var layers = leaves.Select(l =>
        {
            var ps = l.module.parameters(recurse: false).ToList();
            return new LayerSummary(l.name, l.module.GetType().Name, shapes.GetValueOrDefault(l.module, Array.Empty<long>()), ps.Sum(p => p.numel()),
                ps.Count > 0 && ps.All(p => p.requires_grad));
        }).ToList();
        var all = Model.parameters().ToList();
        return new LearnerSummary(Model.GetType().Name, layers, all.Sum(p => p.numel()), all.Where(p => p.requires_grad).Sum(p => p.numel()),
            (Opt?.GetType() ?? OptFunc.Method.ReturnType).Name);
    }
}
