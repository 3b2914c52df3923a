using NotebookDL.Torch;
using NotebookDL.Torch.Modules;

namespace NotebookDL.Vision;

/// <summary>
/// Transfer learning from one of our own vision models: a state dict saved with
/// <c>torch.save(learn.Model.state_dict(), path)</c> has keys "0.*" (body) and "1.*" (head). The body is loaded;
/// the head is left out, because the new task usually has other classes (fastai does the same with a cut model).
/// </summary>
internal static class PretrainedBody
{
    /// <summary>
    /// Loads the body of the vision-model state dict at <paramref name="path"/> into <paramref name="model"/>'s body
    /// (every body key must match in name and shape). Returns false, loading nothing, when the file is not in that
    /// layout (e.g. a torchvision state dict, whose keys are conv1.weight, layer1.0.conv1.weight, ...).
    /// </summary>
    public static bool TryLoad(Sequential model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pretrained weights '{path}' not found.", path);
        var state = torch.load(path);
        try
        {
            if (state.Count == 0 || !state.Keys.All(k => k.StartsWith("0.") || k.StartsWith("1."))) return false;
            var body = model[0];
            var bodyState = state.Where(kv => kv.Key.StartsWith("0.")).ToDictionary(kv => kv.Key[2..], kv => kv.Value);
            var expected = body.state_dict();
            try
            {
                var missing = expected.Keys.Except(bodyState.Keys).Concat(bodyState.Keys.Except(expected.Keys)).ToList();
                if (missing.Count > 0)
                    throw new ArgumentException(
                        $"Pretrained body '{path}' does not fit this architecture: {missing.Count} body keys differ (e.g. '0.{missing[0]}'). " +
                        "Use the architecture the weights were trained with.", nameof(path));
                foreach (var (key, t) in expected)
                {
                    var saved = bodyState[key];
                    if (!saved.shape.SequenceEqual(t.shape))
                        throw new ArgumentException(
                            $"Pretrained body '{path}' does not fit this architecture: '0.{key}' has shape [{string.Join(", ", saved.shape)}] " +
                            $"but the model expects [{string.Join(", ", t.shape)}] (another number of input channels?).", nameof(path));
                }
            }
            finally
            {
                foreach (var t in expected.Values) t.Dispose();
            }
            body.load_state_dict(bodyState, strict: true);
            return true;
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }
}
