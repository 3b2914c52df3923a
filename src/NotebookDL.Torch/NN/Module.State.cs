using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch.Modules;

// Gradients, freezing, moving between devices/dtypes, state dicts.
public abstract partial class Module
{
    /// <summary>Clears the gradient of every parameter (to null by default, PyTorch 2's behaviour; to zeros otherwise).</summary>
    public void zero_grad(bool set_to_none = true)
    {
        foreach (var p in parameters())
        {
            using var g = p.grad;
            if (g is null) continue;
            if (set_to_none) p.grad = null;
            else g.zero_();
        }
    }

    /// <summary>Turns gradient tracking of every parameter on or off (freezing); returns this module.</summary>
    public Module requires_grad_(bool requires_grad = true)
    {
        foreach (var p in parameters()) p.requires_grad_(requires_grad);
        return this;
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, keeping the same Tensor objects.</summary>
    public Module to(Device device) => Convert(t => t.device == device ? null : t.to(device));

    /// <summary>Casts every floating-point parameter and buffer to <paramref name="dtype"/> (integer buffers such as counters keep theirs).</summary>
    public Module to(ScalarType dtype)
    {
        if (!dtype.IsFloatingPoint())
            throw new ArgumentException($"Module.to only accepts floating-point dtypes, got {dtype.TorchName()}.", nameof(dtype));
        return Convert(t => !t.is_floating_point() || t.dtype == dtype ? null : t.to(dtype));
    }

    public Module to(ScalarType dtype, Device device) => to(dtype).to(device);

    public Module cpu() => to(Device.CPU);

    public Module cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));

    public Module @double() => to(ScalarType.Float64);

    public Module @float() => to(ScalarType.Float32);

    // Replaces each tensor's data in place (libtorch set_data) instead of re-registering new tensors, so that
    // fields, optimizers and hooks holding these Tensor objects keep working, as `param.data = ...` in PyTorch.
    private Module Convert(Func<Tensor, Tensor?> convert)
    {
        using var _ = torch.no_grad();
        foreach (var m in modules())
        {
            foreach (var t in m.OwnParameters.Values.Concat(m.OwnBuffers.Values))
            {
                if (t is null) continue;
                using (var converted = convert(t))
                {
                    if (converted is null) continue;
                    N.Check(N.nbdl_nn_set_data(t.Handle, converted.Handle));
                }
                using var grad = t.grad;
                if (grad is not null)
                {
                    using var movedGrad = convert(grad);
                    if (movedGrad is not null) t.grad = movedGrad;
                }
            }
        }
        return this;
    }

    /// <summary>
    /// Parameters and persistent buffers under PyTorch's key names ("0.weight", "bn1.running_mean"), in
    /// PyTorch's order (each module's parameters, then its buffers, then its children). The values are detached
    /// aliases: they share memory with the module, so copy them before changing them.
    /// </summary>
    public Dictionary<string, Tensor> state_dict()
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var (key, t) in StateEntries("")) result[key] = t.detach();
        return result;
    }

    // PyTorch recurses through module slots without de-duplication, so a shared submodule is saved under each name.
    private IEnumerable<(string key, Tensor tensor)> StateEntries(string prefix)
    {
        foreach (var (name, p) in OwnParameters)
            if (p is not null) yield return (Join(prefix, name), p);
        foreach (var (name, b) in OwnBuffers)
            if (b is not null && IsPersistentBuffer(name)) yield return (Join(prefix, name), b);
        foreach (var (name, m) in OwnModules)
        {
            if (m is null) continue;
            foreach (var entry in m.StateEntries(Join(prefix, name))) yield return entry;
        }
    }

    /// <summary>
    /// Copies the values of <paramref name="state_dict"/> into this module's parameters and buffers (in place,
    /// without recording gradients; dtype and device are converted). Every problem is collected first and reported
    /// together in a <see cref="StateDictException"/>, in which case nothing is copied: keys the module expects but
    /// the dict lacks and keys the module does not have (both only when <paramref name="strict"/>), and shape
    /// mismatches (always).
    /// </summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor> state_dict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        var expected = StateEntries("").ToList();
        var expectedKeys = expected.Select(e => e.key).ToHashSet();
        var missing = expected.Where(e => !state_dict.ContainsKey(e.key)).Select(e => e.key).ToList();
        var unexpected = state_dict.Keys.Where(k => !expectedKeys.Contains(k)).ToList();
        var mismatches = new List<string>();
        foreach (var (key, target) in expected)
        {
            if (!state_dict.TryGetValue(key, out var source)) continue;
            var (have, want) = (source.shape, target.shape);
            if (!have.SequenceEqual(want))
                mismatches.Add($"{key}: copying a tensor of shape [{string.Join(", ", have)}] from the state dict, the shape in the model is [{string.Join(", ", want)}]");
        }
        if (mismatches.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
            throw new StateDictException(GetType().Name, strict ? missing : [], strict ? unexpected : [], mismatches);

        using var _ = torch.no_grad();
        foreach (var (key, target) in expected)
            if (state_dict.TryGetValue(key, out var source)) target.copy_(source);
    }
}
