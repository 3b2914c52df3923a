namespace NotebookDL.Learning;

// The device flow: the data decides where work happens (dls.Device); the Learner follows it with the model before
// every fit, validation and prediction, as fastai's TrainEvalCallback does before a fit. Batches already arrive there
// (the BatchLoader moves them), so nothing else in the loop copies tensors between devices.
public partial class Learner
{
    /// <summary>The device the model's parameters are on (CPU for a model without parameters).</summary>
    public Device ModelDevice => Model.parameters().FirstOrDefault()?.device ?? CPU;

    private void ModelToDataDevice()
    {
        var (from, to) = (ModelDevice, Dls.Device);
        if (from.type == to.type && from.index == to.index) return;
        Model.to(to);
        // Module.to replaces the parameters, so an optimizer made before would update tensors the model no longer
        // holds: start a fresh one on the moved parameters (its momentum and Adam statistics are lost).
        if (Opt is not null) CreateOpt();
    }
}
