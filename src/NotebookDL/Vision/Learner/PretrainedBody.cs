using NotebookDL.Architectures;

namespace NotebookDL.Vision;

/// <summary>
/// Transfer learning from one of our own vision models: a state dict saved with
/// <c>PyTorchFiles.Save(learn.Model.state_dict(), path)</c> has keys "0.*" (body) and "1.*" (head). The body is loaded;
/// the head is left out, because the new task usually has other classes (fastai does the same with a cut model).
/// </summary>
internal static class PretrainedBody
{
    /// <summary>
    /// Loads the body of the vision-model state dict at <paramref name="path"/> into <paramref name="model"/>'s body
    /// (every body key must match in name and shape). Returns false, loading nothing, when the file is not in that
    /// layout (e.g. a torchvision state dict, whose keys are conv1.weight, layer1.0.conv1.weight, ...).
    /// </summary>
    public static bool TryLoad(BodyHeadModel model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pretrained weights '{path}' not found.", path);
        var state = PyTorchFiles.Load(path);
        try
        {
            if (state.Count == 0 || !state.Keys.All(k => k.StartsWith("0.") || k.StartsWith("1."))) return false;
            var body = model.Body;
            var bodyState = state.Where(kv => kv.Key.StartsWith("0.")).ToDictionary(kv => kv.Key[2..], kv => kv.Value);
            // The shape checks (and their messages) are StateDicts.Load's; the prefix names the body's keys as saved.
            try
            {
                StateDicts.Load(body, bodyState);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(
                    $"Pretrained body '{path}' does not fit this architecture (body keys are saved under \"0.\"; another architecture " +
                    $"or number of input channels?): {e.Message}", nameof(path), e);
            }
            return true;
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }
}
