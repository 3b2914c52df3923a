using NotebookDL.Torch.Native;
using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// Reductions (with dim/keepdim), scans, sorting and counting.
public sealed unsafe partial class Tensor
{
    public Tensor sum() => Reduce(N.nbdl_tensor_sum, [], false);
    public Tensor sum(long dim, bool keepdim = false) => Reduce(N.nbdl_tensor_sum, [dim], keepdim);
    public Tensor sum(long[] dims, bool keepdim = false) => Reduce(N.nbdl_tensor_sum, dims, keepdim);
    public Tensor mean() => Reduce(N.nbdl_tensor_mean, [], false);
    public Tensor mean(long dim, bool keepdim = false) => Reduce(N.nbdl_tensor_mean, [dim], keepdim);
    public Tensor mean(long[] dims, bool keepdim = false) => Reduce(N.nbdl_tensor_mean, dims, keepdim);
    public Tensor amax(long dim, bool keepdim = false) => Reduce(N.nbdl_tensor_amax, [dim], keepdim);
    public Tensor amax(long[] dims, bool keepdim = false) => Reduce(N.nbdl_tensor_amax, dims, keepdim);
    public Tensor amin(long dim, bool keepdim = false) => Reduce(N.nbdl_tensor_amin, [dim], keepdim);
    public Tensor amin(long[] dims, bool keepdim = false) => Reduce(N.nbdl_tensor_amin, dims, keepdim);
    public Tensor logsumexp(long dim, bool keepdim = false) => Reduce(N.nbdl_tensor_logsumexp, [dim], keepdim);
    public Tensor logsumexp(long[] dims, bool keepdim = false) => Reduce(N.nbdl_tensor_logsumexp, dims, keepdim);

    private unsafe delegate IntPtr DimsReduction(TensorHandle t, long* dims, int n, int keepdim);

    private unsafe Tensor Reduce(DimsReduction op, long[] dims, bool keepdim)
    {
        fixed (long* p = dims) return new(op(Handle, p, dims.Length, keepdim ? 1 : 0));
    }

    /// <summary>Standard deviation; <paramref name="unbiased"/> uses Bessel's correction (N-1), PyTorch's default.</summary>
    public Tensor std(bool unbiased = true) => Moment(N.nbdl_tensor_std, [], unbiased, false);
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => Moment(N.nbdl_tensor_std, [dim], unbiased, keepdim);
    public Tensor std(long[] dims, bool unbiased = true, bool keepdim = false) => Moment(N.nbdl_tensor_std, dims, unbiased, keepdim);
    public Tensor var(bool unbiased = true) => Moment(N.nbdl_tensor_var, [], unbiased, false);
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => Moment(N.nbdl_tensor_var, [dim], unbiased, keepdim);
    public Tensor var(long[] dims, bool unbiased = true, bool keepdim = false) => Moment(N.nbdl_tensor_var, dims, unbiased, keepdim);

    private unsafe delegate IntPtr MomentReduction(TensorHandle t, long* dims, int n, long correction, int keepdim);

    private unsafe Tensor Moment(MomentReduction op, long[] dims, bool unbiased, bool keepdim)
    {
        fixed (long* p = dims) return new(op(Handle, p, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0));
    }

    public unsafe Tensor norm(double p = 2) => new(N.nbdl_tensor_norm(Handle, p, null, 0, 0));

    public unsafe Tensor norm(double p, long[] dims, bool keepdim = false)
    {
        fixed (long* d = dims) return new(N.nbdl_tensor_norm(Handle, p, d, dims.Length, keepdim ? 1 : 0));
    }

    public Tensor prod() => new(N.nbdl_tensor_prod(Handle, 0, 0, 0));
    public Tensor prod(long dim, bool keepdim = false) => new(N.nbdl_tensor_prod(Handle, 1, dim, keepdim ? 1 : 0));
    public Tensor max() => new(N.nbdl_tensor_max_all(Handle));
    public Tensor min() => new(N.nbdl_tensor_min_all(Handle));
    public Tensor argmax() => new(N.nbdl_tensor_argmax(Handle, 0, 0, 0));
    public Tensor argmax(long dim, bool keepdim = false) => new(N.nbdl_tensor_argmax(Handle, 1, dim, keepdim ? 1 : 0));
    public Tensor argmin() => new(N.nbdl_tensor_argmin(Handle, 0, 0, 0));
    public Tensor argmin(long dim, bool keepdim = false) => new(N.nbdl_tensor_argmin(Handle, 1, dim, keepdim ? 1 : 0));
    public Tensor cumsum(long dim) => new(N.nbdl_tensor_cumsum(Handle, dim));
    public Tensor cumprod(long dim) => new(N.nbdl_tensor_cumprod(Handle, dim));
    public Tensor all() => new(N.nbdl_tensor_all(Handle, 0, 0, 0));
    public Tensor all(long dim, bool keepdim = false) => new(N.nbdl_tensor_all(Handle, 1, dim, keepdim ? 1 : 0));
    public Tensor any() => new(N.nbdl_tensor_any(Handle, 0, 0, 0));
    public Tensor any(long dim, bool keepdim = false) => new(N.nbdl_tensor_any(Handle, 1, dim, keepdim ? 1 : 0));

    public Tensor bincount(Tensor? weights = null, long minlength = 0)
    {
        var result = new Tensor(N.nbdl_tensor_bincount(Handle, weights?.RawHandle ?? IntPtr.Zero, minlength));
        GC.KeepAlive(weights);
        return result;
    }

    /// <summary>Maximum along <paramref name="dim"/> with its position, as PyTorch's <c>max(dim)</c>.</summary>
    public unsafe (Tensor values, Tensor indices) max(long dim, bool keepdim = false)
    {
        var pair = stackalloc IntPtr[2];
        N.Check(N.nbdl_tensor_max_dim(Handle, dim, keepdim ? 1 : 0, pair));
        return (new Tensor(pair[0]), new Tensor(pair[1]));
    }

    public unsafe (Tensor values, Tensor indices) min(long dim, bool keepdim = false)
    {
        var pair = stackalloc IntPtr[2];
        N.Check(N.nbdl_tensor_min_dim(Handle, dim, keepdim ? 1 : 0, pair));
        return (new Tensor(pair[0]), new Tensor(pair[1]));
    }

    public unsafe (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false)
    {
        var pair = stackalloc IntPtr[2];
        N.Check(N.nbdl_tensor_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, pair));
        return (new Tensor(pair[0]), new Tensor(pair[1]));
    }

    public unsafe (Tensor values, Tensor indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        var pair = stackalloc IntPtr[2];
        N.Check(N.nbdl_tensor_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, pair));
        return (new Tensor(pair[0]), new Tensor(pair[1]));
    }

    /// <summary>Sorted unique values; inverse indices and counts when asked (null otherwise).</summary>
    public unsafe (Tensor values, Tensor? inverse, Tensor? counts) unique(bool sorted = true, bool return_inverse = false, bool return_counts = false)
    {
        var triple = stackalloc IntPtr[3];
        N.Check(N.nbdl_tensor_unique(Handle, sorted ? 1 : 0, return_inverse ? 1 : 0, return_counts ? 1 : 0, triple));
        return (new Tensor(triple[0]),
                triple[1] == IntPtr.Zero ? null : new Tensor(triple[1]),
                triple[2] == IntPtr.Zero ? null : new Tensor(triple[2]));
    }
}
