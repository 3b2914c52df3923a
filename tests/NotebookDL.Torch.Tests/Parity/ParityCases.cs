using static NotebookDL.Torch.Tests.Parity.Specs;

namespace NotebookDL.Torch.Tests.Parity;

/// <summary>Shorthands for input specs.</summary>
internal static class Specs
{
    /// <summary>float32 (or <paramref name="dtype"/>) uniform in [lo, hi).</summary>
    public static InputSpec F(long[] shape, double lo = -3, double hi = 3, bool grad = false, ScalarType dtype = ScalarType.Float32) =>
        new(shape, dtype, InputKind.Uniform, lo, hi, grad);

    /// <summary>Positive float32, for log, sqrt, rsqrt, pow bases.</summary>
    public static InputSpec Pos(long[] shape, bool grad = false) => F(shape, 0.1, 4, grad);

    /// <summary>int64 (or <paramref name="dtype"/>) uniform in [lo, hi).</summary>
    public static InputSpec I(long[] shape, long lo, long hi, ScalarType dtype = ScalarType.Int64) =>
        new(shape, dtype, InputKind.Integers, lo, hi);

    public static InputSpec B(long[] shape, double pTrue = 0.5) => new(shape, ScalarType.Bool, InputKind.Bools, pTrue, 0);

    /// <summary>int64 indices in [0, n), distinct along the last dimension.</summary>
    public static InputSpec Distinct(long[] shape, long n) => new(shape, ScalarType.Int64, InputKind.DistinctLastDim, 0, n);
}

/// <summary>
/// The parity tables. Every name must exist, with the same meaning, in tests/parity/torch_parity.py
/// (OPS, GRADS or PRINTS); the Python helper exits with an error on a name it does not know.
/// </summary>
public static class ParityCases
{
    private static ParityCase Op0(string name, Func<Tensor> f) => new(name, CaseKind.Op, [], _ => [f()]);

    private static ParityCase Op1(string name, InputSpec a, Func<Tensor, Tensor> f, double rtol = ParityCase.DefaultRtol, double atol = ParityCase.DefaultAtol) =>
        new(name, CaseKind.Op, [a], t => [f(t[0])], rtol, atol);

    private static ParityCase Op2(string name, InputSpec a, InputSpec b, Func<Tensor, Tensor, Tensor> f, double rtol = ParityCase.DefaultRtol, double atol = ParityCase.DefaultAtol) =>
        new(name, CaseKind.Op, [a, b], t => [f(t[0], t[1])], rtol, atol);

    private static ParityCase Op3(string name, InputSpec a, InputSpec b, InputSpec c, Func<Tensor, Tensor, Tensor, Tensor> f) =>
        new(name, CaseKind.Op, [a, b, c], t => [f(t[0], t[1], t[2])]);

    private static ParityCase OpN(string name, InputSpec[] inputs, Func<Tensor[], Tensor[]> f, double rtol = ParityCase.DefaultRtol, double atol = ParityCase.DefaultAtol) =>
        new(name, CaseKind.Op, inputs, f, rtol, atol);

    private static ParityCase Grad(string name, InputSpec[] inputs, Func<Tensor[], Tensor> loss, double rtol = ParityCase.DefaultRtol, double atol = ParityCase.DefaultAtol) =>
        new(name, CaseKind.Grad, inputs, t => [loss(t)], rtol, atol);

    private static ParityCase Print(string name, InputSpec a, Func<Tensor, Tensor> f) => new(name, CaseKind.Print, [a], t => [f(t[0])]);

    private static readonly long[] M = [3, 5];

    public static readonly ParityCase[] Ops =
    [
        // ---- unary math ----
        Op1("exp", F(M), x => x.exp()),
        Op1("log", Pos(M), x => x.log()),
        Op1("log1p", F(M, 0, 5), x => x.log1p()),
        Op1("log2", Pos(M), x => x.log2()),
        Op1("expm1", F(M), x => x.expm1()),
        Op1("sqrt", Pos(M), x => x.sqrt()),
        Op1("rsqrt", Pos(M), x => x.rsqrt()),
        Op1("abs", F(M), x => x.abs()),
        Op1("neg", F(M), x => -x),
        Op1("sign", F(M), x => x.sign()),
        Op1("floor", F(M), x => x.floor()),
        Op1("ceil", F(M), x => x.ceil()),
        Op1("round", F(M), x => x.round()),
        Op1("trunc", F(M), x => x.trunc()),
        Op1("frac", F(M), x => x.frac()),
        Op1("reciprocal", Pos(M), x => x.reciprocal()),
        Op1("square", F(M), x => x.square()),
        Op1("sin", F(M), x => x.sin()),
        Op1("cos", F(M), x => x.cos()),
        Op1("tan", F(M, -1.4, 1.4), x => x.tan()),
        Op1("asin", F(M, -0.99, 0.99), x => x.asin()),
        Op1("atan", F(M), x => x.atan()),
        Op1("sinh", F(M), x => x.sinh()),
        Op1("tanh", F(M), x => x.tanh()),
        Op1("log10", Pos(M), x => x.log10()),
        Op1("cosh", F(M), x => x.cosh()),
        Op1("acos", F(M, -0.99, 0.99), x => x.acos()),
        Op1("clip", F(M), x => x.clip(-1, 2)),
        Op1("erf", F(M), x => x.erf()),
        Op1("sigmoid", F(M, -8, 8), x => x.sigmoid()),
        Op1("relu", F(M), x => x.relu()),
        Op1("leaky_relu", F(M), x => x.leaky_relu(0.2)),
        Op1("leaky_relu_default", F(M), x => x.leaky_relu()),
        Op1("gelu", F(M), x => x.gelu()),
        Op1("gelu_tanh", F(M), x => x.gelu("tanh")),
        Op1("silu", F(M), x => x.silu()),
        Op1("softplus", F(M, -30, 30), x => x.softplus()),
        Op1("softplus_beta", F(M), x => x.softplus(beta: 2, threshold: 3)),
        Op1("softmax", F(M, -5, 5), x => x.softmax(1)),
        Op1("softmax_last_3d", F([2, 3, 4]), x => x.softmax(-1)),
        Op1("log_softmax", F(M, -5, 5), x => x.log_softmax(0)),
        OpN("isnan_isinf", [F(M)], t => [t[0].log().isnan(), (t[0] / zeros_like(t[0])).isinf()]),

        // ---- binary, broadcasting, scalars, type promotion ----
        Op2("add_alpha", F([3, 4]), F([4]), (a, b) => a.add(b, alpha: 2.5)),
        Op1("add_scalar", F(M), a => a + 1.5),
        Op2("sub_broadcast", F([2, 1, 4]), F([3, 1]), (a, b) => a - b),
        Op2("sub_alpha", F([3, 4]), F([3, 4]), (a, b) => a.sub(b, alpha: -0.5)),
        Op1("rsub_scalar", F(M), a => 2 - a),
        Op2("mul_broadcast", F([4, 1]), F([1, 5]), (a, b) => a * b),
        Op2("div", F(M), Pos(M), (a, b) => a / b),
        Op1("div_scalar", F(M), a => a / 3),
        Op1("rdiv_scalar", Pos(M), a => 2 / a),
        Op2("pow_tensor", Pos(M), F(M, -2, 2), (a, b) => a.pow(b)),
        Op1("pow_scalar", F(M), a => a.pow(3)),
        Op1("pow_half", Pos(M), a => a.pow(0.5)),
        Op1("rpow_scalar", F(M), a => pow(2, a)),
        OpN("pow_functional", [Pos(M), F(M, -2, 2)], t => [pow(t[0], t[1]), pow(t[0], 2), pow(3, t[1])]),
        Op2("maximum", F(M), F([5]), (a, b) => a.maximum(b)),
        Op2("minimum", F(M), F([3, 1]), (a, b) => a.minimum(b)),
        Op2("remainder", F(M, -5, 5), F(M, 0.5, 2), (a, b) => a.remainder(b)),
        Op1("remainder_scalar", F(M, -5, 5), a => a % -1.5),
        Op2("fmod", F(M, -5, 5), F(M, 0.5, 2), (a, b) => a.fmod(b)),
        Op2("atan2", F(M), F(M), (a, b) => a.atan2(b)),
        Op3("where", B(M), F(M), F([5]), (c, a, b) => where(c, a, b)),
        Op1("where_scalars", B(M), c => where(c, 1.5, -2.0)),
        Op1("where_int_scalars", B(M), c => where(c, 3, -2)),
        Op1("where_bool_scalars", B(M), c => where(c, false, true)),
        Op1("where_mixed_scalars", B(M), c => where(c, 3, 0.5)),
        Op2("lerp_scalar", F(M), F(M), (a, b) => a.lerp(b, 0.3)),
        Op3("lerp_tensor", F(M), F(M), F(M, 0, 1), (a, b, w) => a.lerp(b, w)),
        Op1("clamp", F(M), x => x.clamp(-0.5, 1.0)),
        Op1("clamp_min", F(M), x => x.clamp(min: 0.25)),
        Op1("clamp_max_int", I(M, -10, 10), x => x.clamp(max: 3)),
        Op2("int_add", I(M, -100, 100), I([5], -100, 100), (a, b) => a + b),
        Op1("int_plus_float_scalar", I(M, -100, 100), a => a + 1.5),
        Op1("int_times_int_scalar", I(M, -100, 100), a => a * 3),
        Op2("int_div", I(M, -100, 100), I(M, 1, 9), (a, b) => a / b),
        Op2("int_remainder", I(M, -100, 100), I(M, 1, 9), (a, b) => a % b),
        Op2("int_float_promotion", I(M, -10, 10), F(M), (a, b) => a * b),

        // ---- comparisons and logic ----
        Op2("lt", F(M), F(M), (a, b) => a < b),
        Op1("le_scalar", F(M), a => a <= 0.5),
        Op2("gt", F(M), F([5]), (a, b) => a > b),
        Op1("ge_scalar", F(M), a => a >= -0.5),
        Op2("eq_int", I(M, 0, 3), I(M, 0, 3), (a, b) => a == b),
        Op1("ne_int_scalar", I(M, 0, 4), a => a != 2),
        Op2("logical_and", B(M), B(M), (a, b) => a.logical_and(b)),
        Op2("logical_or", B(M), B(M), (a, b) => a.logical_or(b)),
        Op2("logical_xor", F(M), B(M), (a, b) => a.logical_xor(b)),
        Op1("logical_not", I(M, 0, 3), a => a.logical_not()),
        OpN("bitwise_int", [I(M, 0, 64), I(M, 0, 64)], t => [t[0] & t[1], t[0] | t[1], t[0] ^ t[1], ~t[0]]),
        OpN("bitwise_bool", [B(M), B(M)], t => [t[0] & t[1], t[0] | t[1], t[0] ^ t[1], ~t[0]]),

        // ---- linear algebra ----
        Op2("matmul_2d", F([3, 4]), F([4, 5]), (a, b) => a.matmul(b)),
        Op2("matmul_batched_broadcast", F([2, 3, 4]), F([4, 5]), (a, b) => a.matmul(b)),
        Op2("matmul_vector", F([3, 4]), F([4]), (a, b) => matmul(a, b)),
        Op2("mm", F([6, 7]), F([7, 2]), (a, b) => a.mm(b)),
        Op2("bmm", F([2, 3, 4]), F([2, 4, 2]), (a, b) => a.bmm(b)),
        Op2("outer", F([4]), F([3]), (a, b) => a.outer(b)),
        Op2("dot", F([8]), F([8]), (a, b) => a.dot(b)),

        // ---- reductions ----
        Op1("sum_all", F([4, 5]), x => x.sum()),
        Op1("sum_dim_keepdim", F([4, 5]), x => x.sum(1, keepdim: true)),
        Op1("sum_dims", F([2, 3, 4]), x => x.sum([0, 2])),
        Op1("sum_int", I([4, 5], -50, 50), x => x.sum(0)),
        Op1("mean_all", F([4, 5]), x => x.mean()),
        Op1("mean_dim", F([4, 5]), x => x.mean(-1)),
        Op1("mean_dims_keepdim", F([2, 3, 4]), x => x.mean([1, 2], keepdim: true)),
        Op1("std_all", F([4, 5]), x => x.std()),
        Op1("std_dim_biased", F([4, 5]), x => x.std(1, unbiased: false, keepdim: true)),
        Op1("var_all_biased", F([4, 5]), x => x.var(unbiased: false)),
        Op1("var_dim", F([4, 5]), x => x.var(0)),
        Op1("var_dims", F([2, 3, 4]), x => x.var([0, 2], keepdim: true)),
        Op1("max_all", F([4, 5]), x => x.max()),
        OpN("max_dim", [F([4, 5])], t => { var (v, i) = t[0].max(1); return [v, i]; }),
        OpN("max_dim_keepdim", [F([4, 5])], t => { var (v, i) = t[0].max(0, keepdim: true); return [v, i]; }),
        Op1("min_all", I([4, 5], -50, 50), x => x.min()),
        OpN("min_dim", [F([4, 5])], t => { var (v, i) = t[0].min(-1); return [v, i]; }),
        Op1("argmax_all", F([4, 5]), x => x.argmax()),
        Op1("argmax_dim", F([4, 5]), x => x.argmax(1)),
        Op1("argmin_dim_keepdim", F([4, 5]), x => x.argmin(0, keepdim: true)),
        Op1("argmin_all", F([4, 5]), x => x.argmin()),
        Op1("prod_all", F([2, 4], 0.5, 1.5), x => x.prod()),
        Op1("prod_dim", F([3, 4]), x => x.prod(1, keepdim: true)),
        Op1("norm_2", F([4, 5]), x => x.norm()),
        Op1("norm_1_dim", F([4, 5]), x => x.norm(1, [1])),
        Op1("norm_3_dims_keepdim", F([2, 3, 4]), x => x.norm(3, [0, 1], keepdim: true)),
        Op1("logsumexp", F([4, 5], -10, 10), x => x.logsumexp(1)),
        Op1("logsumexp_keepdim", F([4, 5], -10, 10), x => x.logsumexp(0, keepdim: true)),
        Op1("cumsum", F([4, 5]), x => x.cumsum(1)),
        Op1("cumsum_int", I([4, 5], -9, 9), x => x.cumsum(0)),
        Op1("cumprod", F([3, 5], 0.5, 1.5), x => x.cumprod(-1)),
        OpN("all_any", [B([3, 4], 0.8)], t => [t[0].all(), t[0].any(), t[0].all(1), t[0].any(0, keepdim: true)]),
        Op1("amax", F([4, 5]), x => x.amax(1)),
        Op1("amax_dims_keepdim", F([2, 3, 4]), x => x.amax([0, 2], keepdim: true)),
        Op1("amin", F([4, 5]), x => x.amin(0)),

        // ---- sorting and counting ----
        OpN("sort", [F([4, 6])], t => { var (v, i) = t[0].sort(1); return [v, i]; }),
        OpN("sort_descending", [F([4, 6])], t => { var (v, i) = t[0].sort(0, descending: true); return [v, i]; }),
        OpN("sort_stable_int", [I([3, 12], 0, 4)], t => { var (v, i) = t[0].sort(-1, stable: true); return [v, i]; }),
        OpN("topk", [F([4, 6])], t => { var (v, i) = t[0].topk(3, 1); return [v, i]; }),
        OpN("topk_smallest", [F([4, 6])], t => { var (v, i) = t[0].topk(2, 0, largest: false); return [v, i]; }),
        OpN("unique", [I([4, 6], -3, 5)], t =>
        {
            var (v, inv, counts) = t[0].unique(sorted: true, return_inverse: true, return_counts: true);
            return [v, inv!, counts!];
        }),
        OpN("unique_values_only", [F([10], -2, 2)], t => [t[0].round().unique().values]),
        Op1("bincount", I([20], 0, 8), x => x.bincount()),
        Op2("bincount_weights_minlength", I([20], 0, 8), F([20]), (x, w) => x.bincount(w, minlength: 12)),

        // ---- shapes ----
        Op1("reshape", F([2, 3, 4]), x => x.reshape(4, -1)),
        Op1("view", F([2, 3, 4]), x => x.view(2, 12)),
        Op1("permute", F([2, 3, 4]), x => x.permute(2, 0, 1)),
        Op1("transpose", F([2, 3, 4]), x => x.transpose(0, 2)),
        Op1("t", F(M), x => x.t()),
        Op1("flatten", F([2, 3, 4]), x => x.flatten()),
        Op1("flatten_range", F([2, 3, 4]), x => x.flatten(1, 2)),
        Op1("unflatten", F([4, 6]), x => x.unflatten(1, 2, 3)),
        Op1("squeeze", F([3, 1, 4, 1]), x => x.squeeze()),
        Op1("squeeze_dim", F([3, 1, 4, 1]), x => x.squeeze(1)),
        Op1("unsqueeze", F(M), x => x.unsqueeze(-1)),
        Op1("expand", F([4, 1]), x => x.expand(3, 4, 5)),
        Op1("repeat", F([3, 2]), x => x.repeat(2, 1, 3)),
        Op1("narrow", F(M), x => x.narrow(1, 1, 3)),
        OpN("chunk", [F([3, 7])], t => t[0].chunk(3, 1)),
        OpN("split_size", [F([5, 3])], t => t[0].split(2, 0)),
        OpN("split_sizes", [F([2, 5])], t => t[0].split([1, 3, 1], 1)),
        Op2("cat", F([2, 3]), F([2, 4]), (a, b) => cat([a, b], 1)),
        Op2("cat_dim0", F([2, 3]), F([4, 3]), (a, b) => cat([a, b])),
        Op2("stack", F([3, 4]), F([3, 4]), (a, b) => stack([a, b], 1)),
        Op1("flip", F([2, 3, 4]), x => x.flip(0, 2)),
        Op1("roll", F(M), x => x.roll(2, 1)),
        Op1("roll_multi", F(M), x => x.roll([1, -2], [0, 1])),
        Op1("transpose_contiguous", F(M), x => x.transpose(0, 1).contiguous()),

        // ---- indexing ----
        Op1("index_int", F([4, 6]), x => x[1]),
        Op1("index_negative", F([4, 6]), x => x[^1, 2]),
        Op1("index_range", F([4, 6]), x => x[.., 1..3]),
        Op1("index_slice_step", F([4, 6]), x => x[TensorIndex.Slice(1, null, 2), TensorIndex.Slice(null, null, 3)]),
        Op1("index_slice_negative_bounds", F([4, 6]), x => x[^3..^1, ..^2]),
        Op1("index_from_end_start", F([4, 6]), x => x[^2..]),
        Op1("index_range_from_end_zero", F([4, 6]), x => x[^0..]),
        Op1("index_bool_scalar", F([4, 6]), x => x[true]),
        Op3("index_two_tensors", F([4, 6]), I([5], 0, 4), I([5], 0, 6), (x, i, j) => x[i, j]),
        Op3("index_put_tensor_indices", F([6, 3]), Distinct([3], 6), F([3, 3]), (x, i, v) =>
        {
            var y = x.clone();
            y[i] = v;
            return y;
        }),
        Op3("scatter_inplace", F(M), Distinct([3, 2], 5), F([3, 2]), (x, i, s) => x.clone().scatter_(1, i, s)),
        OpN("as_variants", [F([2, 3]), F([4, 2, 3])], t =>
            [t[0].expand_as(t[1]), t[0].reshape(6).view_as(t[0].t()), t[0].t().reshape_as(t[0]), t[0].T]),
        Op1("index_ellipsis", F([2, 3, 4]), x => x[Ellipsis, 0]),
        Op1("index_none", F([4, 6]), x => x[newaxis, .., newaxis]),
        Op1("index_mixed", F([2, 3, 4]), x => x[0, Ellipsis, 1.., newaxis]),
        Op2("index_bool_mask", F([4, 6]), B([4, 6]), (x, m) => x[m]),
        Op2("index_tensor", F([4, 6]), I([5], 0, 4), (x, i) => x[i]),
        Op2("index_tensor_dim1", F([4, 6]), I([3], 0, 6), (x, i) => x[.., i]),
        Op2("index_put_mask", F([4, 6]), B([4, 6]), (x, m) => x.clone().IndexPut([m], 0.0)),
        Op2("index_put_slice", F([4, 6]), F([4, 3]), (x, v) =>
        {
            var y = x.clone();
            y[.., TensorIndex.Slice(1, null, 2)] = v;
            return y;
        }),
        Op2("index_select", F([4, 6]), I([4], 0, 6), (x, i) => x.index_select(1, i)),
        Op2("gather", F(M), I([3, 4], 0, 5), (x, i) => x.gather(1, i)),
        Op2("gather_dim0", F(M), I([2, 5], 0, 3), (x, i) => gather(x, 0, i)),
        Op3("scatter", F(M), Distinct([3, 2], 5), F([3, 2]), (x, i, s) => x.scatter(1, i, s)),
        Op3("scatter_add", F(M), I([4, 5], 0, 3), F([4, 5]), (x, i, s) => x.scatter_add(0, i, s)),
        Op2("masked_fill", F(M), B(M), (x, m) => x.masked_fill(m, -1.5)),
        Op2("masked_select", F(M), B(M), (x, m) => x.masked_select(m)),
        Op1("nonzero", B(M), m => m.nonzero()),

        // ---- in-place ops ----
        OpN("inplace_arithmetic", [F(M), F(M), F(M)], t =>
        {
            var (x, y, z) = (t[0], t[1], t[2]);
            var a = x.clone().add_(y, alpha: 0.5).mul_(z).sub_(1.0).div_(2.0).clamp_(-1, 1);
            var b = x.clone().addcmul_(y, z, value: 0.3).addcdiv_(y, z.abs() + 1, value: -2).lerp_(y, 0.25).pow_(2);
            var c = x.clone().sub_(y, alpha: 2).add_(3).mul_(0.5).div_(z.abs() + 1);
            return [a, b, c];
        }),
        OpN("inplace_misc", [F(M), F(M)], t =>
        {
            var (x, y) = (t[0], t[1]);
            var a = x.clone().masked_fill_(x > 0, 9.0).exp_().neg_().abs_().sqrt_().log_();
            var b = x.clone().sigmoid_().tanh_().relu_();
            return [a, b, x.clone().floor_(), x.clone().round_(), x.clone().copy_(y), x.clone().fill_(2.5), x.clone().zero_()];
        }),

        // ---- dtype conversions ----
        Op1("to_int64", F(M, -5, 5), x => x.@long()),
        Op1("to_int32", F(M, -5, 5), x => x.@int()),
        Op1("to_float64", F(M), x => x.@double()),
        Op1("to_float16", F(M), x => x.half()),
        Op1("to_bool", I(M, -2, 3), x => x.@bool()),
        Op1("to_uint8", F(M, 0, 255), x => x.to(uint8)),
        Op1("int_to_float", I(M, -1000, 1000), x => x.@float()),
        Op1("bool_to_float", B(M), x => x.@float()),

        // ---- factories ----
        Op0("arange_int", () => arange(1, 20, 3)),
        Op0("arange_float", () => arange(0, 2, 0.25)),
        Op0("linspace", () => linspace(-1, 1, 7)),
        Op0("eye", () => eye(3, 4)),
        Op0("full_float", () => full([2, 3], 2.5)),
        Op0("full_int", () => full([2, 3], 7)),
        Op0("full_bool", () => full([2, 3], true)),
        Op0("arange_end_only", () => arange(5)),
        OpN("zeros_ones_like_dtype", [F(M)], t => [zeros_like(t[0], dtype: int32), ones_like(t[0]), ones_like(t[0], dtype: float64)]),
        Op1("full_like_int", I(M, 0, 5), x => full_like(x, 7)),
    ];

    public static readonly ParityCase[] Grads =
    [
        Grad("grad_mul_sum", [F([3, 4], grad: true), F([3, 4], grad: true)], t => (t[0] * t[1]).sum()),
        Grad("grad_sigmoid_linear_mean", [F([5, 4], grad: true), F([4, 3], grad: true), F([3], grad: true)],
            t => (t[0].matmul(t[1]) + t[2]).sigmoid().mean()),
        Grad("grad_log_softmax_nll", [F([6, 5], grad: true), I([6], 0, 5)],
            t => -t[0].log_softmax(1).gather(1, t[1].unsqueeze(1)).mean()),
        Grad("grad_softmax_cross_entropy_by_hand", [F([6, 5], grad: true), I([6], 0, 5)], t =>
        {
            var (z, y) = (t[0], t[1]);
            var e = (z - z.amax(1, keepdim: true)).exp();
            var p = e / e.sum(1, keepdim: true);
            return -p.gather(1, y.unsqueeze(1)).log().mean();
        }),
        Grad("grad_pow3_sum", [F([3, 4], grad: true)], t => t[0].pow(3).sum()),
        Grad("grad_norm", [F([3, 4], grad: true)], t => t[0].norm()),
        Grad("grad_std", [F([3, 4], grad: true)], t => t[0].std(1).sum() + t[0].var()),
        Grad("grad_tanh_prod", [F([6], grad: true)], t => t[0].tanh().prod()),
        Grad("grad_max_amax", [F([4, 5], grad: true)], t => t[0].max(1).values.sum() + t[0].amax(0).sum() * 0.5),
        Grad("grad_where", [F([4, 5], grad: true)], t => where(t[0] > 0, t[0] * t[0], -3 * t[0]).sum()),
        Grad("grad_cumsum", [F([3, 5], grad: true), F([3, 5])], t => (t[0].cumsum(1) * t[1]).sum()),
        Grad("grad_layer_norm_by_hand", [F([4, 6], grad: true), F([6], grad: true), F([6], grad: true), F([4, 6])], t =>
        {
            var (x, g, b, r) = (t[0], t[1], t[2], t[3]);
            var mu = x.mean(-1, keepdim: true);
            var variance = x.var(-1, unbiased: false, keepdim: true);
            var y = (x - mu) / (variance + 1e-5).sqrt() * g + b;
            return (y * r).sum();
        }),
        Grad("grad_mse", [F([8], grad: true), F([8])], t => (t[0] - t[1]).pow(2).mean()),
        Grad("grad_attention", [F([2, 3, 4], grad: true), F([2, 5, 4], grad: true), F([2, 5, 4], grad: true), F([2, 3, 4])], t =>
        {
            var (q, k, v, r) = (t[0], t[1], t[2], t[3]);
            var s = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(q.shape[^1]);
            return (s.softmax(-1).matmul(v) * r).sum();
        }),
        Grad("grad_activations", [F([3, 5], grad: true)], t =>
            (t[0].gelu() * t[0].silu() + t[0].softplus() + t[0].leaky_relu(0.1)).sum()),
        Grad("grad_exp_div_log", [F([3, 4], grad: true), F([3, 4], grad: true)], t => (t[0].exp() / (1 + t[1].abs())).log().sum()),
        Grad("grad_indexing", [F([4, 6], grad: true), B([4, 6]), I([3], 0, 4)], t =>
            t[0][t[1]].sum() + t[0][.., TensorIndex.Slice(1, null, 2)].pow(2).sum() + t[0].index_select(0, t[2]).exp().sum()),
        Grad("grad_clamp_relu_broadcast", [F([3, 4], grad: true), F([4], grad: true)], t =>
            ((t[0] + t[1]).clamp(-0.5, 0.5) + (t[0] * t[1]).relu()).mean()),
        Grad("grad_bmm_permute_reshape", [F([2, 3, 4], grad: true), F([2, 4, 3], grad: true)], t =>
            t[0].bmm(t[1]).permute(2, 0, 1).reshape(-1, 3).pow(2).sum()),
        Grad("grad_logsumexp_cat_stack", [F([3, 4], grad: true), F([3, 4], grad: true)], t =>
            cat([t[0], t[1]], 1).logsumexp(1).sum() + stack([t[0], t[1]]).pow(2).mean()),
        new("second_derivative", CaseKind.GradCustom, [F([5], grad: true), F([5], grad: true)], t =>
        {
            var (x, w) = (t[0], t[1]);
            var y = x.pow(3).sum() + (x.sin() * w).sum();
            var gx = autograd.grad(y, [x], create_graph: true)[0]!;
            var second = autograd.grad((gx * gx).sum(), [x, w]);
            return [gx.detach(), second[0]!, second[1]!];
        }),
    ];

    public static readonly ParityCase[] Prints =
    [
        Print("print_small_float", F([2, 3], -2, 2), x => x),
        Print("print_int64", I([2, 4], -100, 1000), x => x),
        Print("print_int32", I([5], -50, 50, int32), x => x),
        Print("print_bool", B([3, 3]), x => x),
        Print("print_float64", F([4], dtype: float64), x => x),
        Print("print_float16", F([4], dtype: float16), x => x),
        Print("print_sci_small", F([5], 0, 1), x => x * 1e-5),
        Print("print_sci_large", F([5], 0, 1), x => x * 1e9),
        Print("print_integral_floats", I([2, 3], -50, 50), x => x.@float()),
        Print("print_large_integral_floats", I([2, 3], -1_000_000, 1_000_000), x => x.@float() * 1000),
        Print("print_3d", F([2, 3, 4]), x => x),
        Print("print_wide_rows", F([2, 20], -100, 100), x => x),
        Print("print_summarised_2d", F([40, 30]), x => x),
        Print("print_summarised_1d", F([2000]), x => x),
        Print("print_summarised_3d", F([10, 10, 12]), x => x),
        Print("print_requires_grad", F([3], grad: true), x => x),
        Print("print_grad_fn", F([3], grad: true), x => x * 2),
        Print("print_scalar_grad_fn", F([3], grad: true), x => x.sum()),
        Print("print_scalar", F([2, 2]), x => x[0, 0]),
        Print("print_nan_inf", F([4], -1, 1), x => cat([x.log(), x / zeros_like(x)])),
        Print("print_empty", F([3, 2]), x => x[.., 0..0]),
        Print("print_empty_int64", I([3, 2], 0, 9), x => x[.., 0..0]),
        Print("print_empty_1d_bool", B([4]), x => x[0..0]),
        Print("print_empty_1d_float", F([4]), x => x[0..0]),
        Print("print_zeros_negzero", F([2, 3], -1, 1), x => x * 0),
        Print("print_suffix_wrap", F([5], 0, 1, dtype: float64), x => x * 1e-5),
        Print("print_float64_requires_grad", F([3], grad: true, dtype: float64), x => x),
        Print("print_wide_int", I([30], -100_000, 100_000), x => x),
        Print("print_all_nan", F([3], -2, -1), x => x.log()),
        Print("print_summarised_int", I([1500], -5, 5), x => x),
        Print("print_summarised_bool", B([1200]), x => x),
        Print("print_4d", F([2, 2, 2, 3]), x => x),
        Print("print_float64_sci", F([2, 3], -1, 1, dtype: float64), x => x * 1e12),
        Print("print_int_zeros", I([4], 0, 1), x => x),
        Print("print_uint8", I([6], 0, 256, uint8), x => x),
        Print("print_int8", I([6], -128, 128, int8), x => x),
        Print("print_one_column_sci", F([3]), x => x.unsqueeze(1) * 1e-7),
        Print("print_mixed_magnitudes", F([3, 4], 0.1, 1), x => x * tensor(new float[] { 1e-3f, 1f, 1e3f, 10f })),
    ];

    public static IEnumerable<ParityCase> All => Ops.Concat(Grads).Concat(Prints);
}
