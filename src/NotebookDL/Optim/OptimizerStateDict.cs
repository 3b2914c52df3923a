namespace NotebookDL.Optim;

/// <summary>
/// An optimizer's <c>state_dict()</c> in PyTorch's shape: <c>{"state": {index: {name: tensor}}, "param_groups": [...]}</c>.
/// Step counts are 0-d float32 tensors under "step" (as PyTorch's Adam keeps them); group dicts hold doubles,
/// bools, <c>betas</c> as a (double, double) tuple, and "params" as a list of indices.
/// </summary>
public sealed record OptimizerStateDict(
    Dictionary<long, Dictionary<string, Tensor>> state,
    List<Dictionary<string, object>> param_groups);
