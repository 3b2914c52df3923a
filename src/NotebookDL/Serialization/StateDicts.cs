namespace NotebookDL.Serialization;

/// <summary>
/// PyTorch's <c>module.load_state_dict(state, strict)</c> with its error messages: TorchSharp's strict load says only
/// "not identical", and copies nothing useful about which key or shape was wrong. Every check runs before anything is
/// copied, so a failed load leaves the model as it was.
/// </summary>
public static class StateDicts
{
    /// <summary>Copies <paramref name="state"/> into <paramref name="model"/>'s parameters and buffers (cast to their dtype and device).</summary>
    /// <exception cref="ArgumentException">Keys are missing or unexpected (with <paramref name="strict"/>), or a shape differs; the message names them.</exception>
    public static void Load(nn.Module model, IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        var target = model.state_dict();
        if (strict)
        {
            var missing = target.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !target.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new ArgumentException(
                    $"Error(s) in loading state_dict for {model.GetType().Name}: " +
                    (missing.Count > 0 ? $"missing keys {Some(missing)}" : "") +
                    (missing.Count > 0 && unexpected.Count > 0 ? "; " : "") +
                    (unexpected.Count > 0 ? $"unexpected keys {Some(unexpected)}" : "") + ".", nameof(state));
        }
        var common = target.Keys.Where(state.ContainsKey).ToList();
        var wrongShape = common.Where(k => !state[k].shape.SequenceEqual(target[k].shape)).ToList();
        if (wrongShape.Count > 0)
            throw new ArgumentException(
                $"Error(s) in loading state_dict for {model.GetType().Name}: " + string.Join("; ", wrongShape.Take(5).Select(k =>
                    $"size mismatch for {k}: copying a param with shape [{string.Join(", ", state[k].shape)}], the shape in the current model is [{string.Join(", ", target[k].shape)}]")) + ".",
                nameof(state));
        using var noGrad = no_grad();
        foreach (var key in common) target[key].copy_(state[key]);
    }

    private static string Some(List<string> keys) =>
        string.Join(", ", keys.Take(5).Select(k => $"\"{k}\"")) + (keys.Count > 5 ? $" and {keys.Count - 5} more" : "");
}
