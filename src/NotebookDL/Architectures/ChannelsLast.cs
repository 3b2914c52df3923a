namespace NotebookDL.Architectures;

/// <summary>
/// PyTorch's <c>model.to(memory_format=torch.channels_last)</c>, which TorchSharp 0.107 lacks: every 4-D parameter
/// and buffer keeps its shape (out, in, kh, kw) but is stored with the channels innermost (NHWC order), so libtorch's
/// convolutions (oneDNN on CPU, cuDNN on GPU) run their channels-last kernels and hand channels-last activations on
/// through batch norm, ReLU and the residual additions.
/// </summary>
/// <remarks>
/// Measured on this 2-core machine, ResNet-18 at 28x28, batch 128, AdamW: forward 126 → 82 ms, backward 240 → 204 ms,
/// evaluation forward 124 → 79 ms. Values do not change, only strides: state dicts still save row-major (our writer
/// makes each tensor contiguous) and loading copies into the channels-last storage.
/// </remarks>
public static class ChannelsLast
{
    /// <summary>Re-strides the module's 4-D parameters and buffers in place to channels-last; returns the module.</summary>
    public static T ToChannelsLast<T>(this T module) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = no_grad();
        foreach (var p in module.parameters()) Restride(p);
        foreach (var b in module.buffers()) Restride(b);
        return module;
    }

    /// <summary>
    /// Whether <paramref name="t"/> is a 4-D tensor stored channels innermost (strides decreasing in the order
    /// N, H, W, C), as <c>t.is_contiguous(memory_format=torch.channels_last)</c> reports.
    /// </summary>
    public static bool IsChannelsLast(this Tensor t)
    {
        if (t.dim() != 4) return false;
        var (size, stride) = (t.shape, t.stride());
        // Row-major over the permuted dims (N, H, W, C); dimensions of size 1 may have any stride.
        long expected = 1;
        foreach (var d in new[] { 1, 3, 2, 0 })
        {
            if (size[d] != 1 && stride[d] != expected) return false;
            expected *= size[d];
        }
        return true;
    }

    private static void Restride(Tensor t)
    {
        if (t.dim() != 4 || t.IsChannelsLast()) return;
        // set_ swaps the storage under the same tensor, so optimizers and hooks that hold the parameter keep it.
        using var nhwc = t.permute(0, 2, 3, 1).contiguous();
        using var view = nhwc.permute(0, 3, 1, 2);
        t.set_(view);
    }
}
