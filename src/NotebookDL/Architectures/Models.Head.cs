
namespace NotebookDL.Architectures;

public static partial class Models
{
    /// <summary>
    /// fastai's <c>create_head</c>: (N, nf, H, W) feature maps → (N, nOut). With the defaults:
    /// AdaptiveConcatPool2d, Flatten, BatchNorm1d(2nf), Dropout(ps/2), Linear(2nf, 512, bias: false), ReLU,
    /// BatchNorm1d(512), Dropout(ps), Linear(512, nOut, bias: false). Linear layers followed by batch norm have no
    /// bias (the norm's shift replaces it), and the batch norms start with weight 1, bias 1e-3 (fastai's BatchNorm).
    /// Weights keep PyTorch's default initialisation; <see cref="VisionModel"/> re-initialises them as fastai does.
    /// </summary>
    /// <param name="nf">Channels of the body's output (512 for ResNet-18/34, 2048 for ResNet-50).</param>
    /// <param name="nOut">Number of outputs (classes).</param>
    /// <param name="options">fastai's create_head options; null means <see cref="HeadOptions.Default"/>.</param>
    public static Sequential CreateHead(long nf, long nOut, HeadOptions? options = null)
    {
        var o = options ?? HeadOptions.Default;
        Check.Positive(nf, nameof(nf));
        Check.Positive(nOut, nameof(nOut));
        if (o.Ps is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), o.Ps, "Ps must be a dropout probability in [0, 1].");
        if (o.Pool && o.ConcatPool) nf *= 2;
        long[] sizes = [nf, .. o.LinFtrs ?? [512], nOut];
        var blocks = sizes.Length - 1;
        var head = new List<nn.Module<Tensor, Tensor>>();
        if (o.Pool)
        {
            head.Add(o.ConcatPool ? new AdaptiveConcatPool2d() : nn.AdaptiveAvgPool2d(1));
            head.Add(nn.Flatten());
        }
        // fastai: every block but the last drops ps/2, the last ps; with LinFirst the first dropout moves in front.
        var ps = Enumerable.Repeat(o.Ps / 2, blocks - 1).Append(o.Ps).ToList();
        if (o.LinFirst)
        {
            head.Add(nn.Dropout(ps[0]));
            ps.RemoveAt(0);
        }
        for (var i = 0; i < blocks && i < ps.Count; i++)
        {
            var bn = i > 0 || o.FirstBn;
            var isLast = i == blocks - 1;
            head.AddRange(LinBnDrop(sizes[i], sizes[i + 1], bn, ps[i], isLast ? null : nn.ReLU(), o.LinFirst));
        }
        if (o.LinFirst) head.Add(nn.Linear(sizes[^2], nOut));
        if (o.BnFinal) head.Add(nn.BatchNorm1d(sizes[^1], momentum: 0.01));
        return nn.Sequential(head.ToArray());
    }

    /// <summary>fastai's LinBnDrop: [BatchNorm1d, Dropout (if p > 0), Linear (bias only without bn), act], or Linear first.</summary>
    internal static IEnumerable<nn.Module<Tensor, Tensor>> LinBnDrop(long nIn, long nOut, bool bn, double p, nn.Module<Tensor, Tensor>? act, bool linFirst)
    {
        var norm = new List<nn.Module<Tensor, Tensor>>();
        if (bn) norm.Add(FastaiBatchNorm1d(linFirst ? nOut : nIn));
        if (p != 0) norm.Add(nn.Dropout(p));
        var lin = new List<nn.Module<Tensor, Tensor>> { nn.Linear(nIn, nOut, hasBias: !bn) };
        if (act is not null) lin.Add(act);
        return linFirst ? lin.Concat(norm) : norm.Concat(lin);
    }

    /// <summary>fastai's <c>BatchNorm(nf, ndim=1)</c>: weight 1 and a small positive bias (1e-3), so a following ReLU starts slightly open.</summary>
    internal static BatchNorm1d FastaiBatchNorm1d(long nf)
    {
        var bn = nn.BatchNorm1d(nf);
        nn.init.constant_(bn.bias!, 1e-3);
        nn.init.ones_(bn.weight!);
        return bn;
    }
}
