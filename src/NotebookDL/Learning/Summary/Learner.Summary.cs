namespace NotebookDL.Learning;

public partial class Learner
{
    /// <summary>
    /// Runs one training batch through the model in eval mode and reports each leaf layer's output shape, parameter
    /// count, multiply-adds per item and trainability (fastai's <c>summary()</c>). Creates the optimizer if no fit has
    /// yet, as fastai's does, so the footer names the real one ("AdamW", not the factory's return type).
    /// </summary>
    public LearnerSummary Summary()
    {
        using var batch = Dls.Train.FirstOrDefault() ?? Dls.Valid.FirstOrDefault()
            ?? throw new InvalidOperationException("Summary needs one batch, but both data loaders are empty.");
        return ModelSummary.Of(Model, batch.X, (Opt ?? CreateOpt()).Name);
    }
}
