using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// Functional forms of tensor ops (torch.cat, torch.where, torch.exp(x), ...), for code ported from PyTorch.
public static partial class torch
{
    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = stackalloc IntPtr[tensors.Count];
        for (var i = 0; i < tensors.Count; i++) handles[i] = tensors[i].RawHandle;
        var result = new Tensor(N.nbdl_tensor_cat(handles, tensors.Count, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = stackalloc IntPtr[tensors.Count];
        for (var i = 0; i < tensors.Count; i++) handles[i] = tensors[i].RawHandle;
        var result = new Tensor(N.nbdl_tensor_stack(handles, tensors.Count, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    public static Tensor where(Tensor condition, Tensor input, Tensor other) => new(N.nbdl_tensor_where(condition.Handle, input.Handle, other.Handle));

    public static Tensor where(Tensor condition, Scalar input, Scalar other)
    {
        // Each scalar keeps its own dtype (float32, int64 or bool); where() then promotes the pair as PyTorch does.
        using var a = full_like(condition, input, input.InferredDtype);
        using var b = full_like(condition, other, other.InferredDtype);
        return where(condition, a, b);
    }

    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    public static Tensor mm(Tensor a, Tensor b) => a.mm(b);
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);
    public static Tensor outer(Tensor a, Tensor b) => a.outer(b);
    public static Tensor pow(Tensor x, Tensor exponent) => x.pow(exponent);
    public static Tensor pow(Tensor x, Scalar exponent) => x.pow(exponent);

    /// <summary><c>torch.pow(2, x)</c> (Python's <c>2 ** x</c>): a scalar base raised to each element.</summary>
    public static Tensor pow(Scalar self, Tensor exponent) => new(N.nbdl_tensor_rpow_scalar(exponent.Handle, self.ToNative()));

    public static Tensor exp(Tensor x) => x.exp();
    public static Tensor log(Tensor x) => x.log();
    public static Tensor sqrt(Tensor x) => x.sqrt();
    public static Tensor abs(Tensor x) => x.abs();
    public static Tensor sigmoid(Tensor x) => x.sigmoid();
    public static Tensor tanh(Tensor x) => x.tanh();
    public static Tensor relu(Tensor x) => x.relu();
    public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);
    public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);
    public static Tensor clamp(Tensor x, Scalar? min = null, Scalar? max = null) => x.clamp(min, max);
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
    public static Tensor lerp(Tensor start, Tensor end, Scalar weight) => start.lerp(end, weight);
    public static Tensor flatten(Tensor x, long start_dim = 0, long end_dim = -1) => x.flatten(start_dim, end_dim);
    public static Tensor sum(Tensor x) => x.sum();
    public static Tensor mean(Tensor x) => x.mean();
    public static Tensor argmax(Tensor x, long dim, bool keepdim = false) => x.argmax(dim, keepdim);
    public static Tensor logical_and(Tensor a, Tensor b) => a.logical_and(b);
    public static Tensor logical_or(Tensor a, Tensor b) => a.logical_or(b);
    public static Tensor logical_not(Tensor a) => a.logical_not();
    public static Tensor gather(Tensor x, long dim, Tensor index) => x.gather(dim, index);
    public static Tensor index_select(Tensor x, long dim, Tensor index) => x.index_select(dim, index);
    public static Tensor bincount(Tensor x, Tensor? weights = null, long minlength = 0) => x.bincount(weights, minlength);
    public static (Tensor values, Tensor indices) topk(Tensor x, long k, long dim = -1, bool largest = true, bool sorted = true) => x.topk(k, dim, largest, sorted);
    public static (Tensor values, Tensor indices) sort(Tensor x, long dim = -1, bool descending = false) => x.sort(dim, descending);
}
