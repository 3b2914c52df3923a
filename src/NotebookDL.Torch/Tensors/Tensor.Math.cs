using NotebookDL.Torch.Native;
using N = NotebookDL.Torch.Native.NativeMethods;

namespace NotebookDL.Torch;

// Element-wise math with broadcasting and PyTorch's type promotion; in-place forms end in '_' and return this.
public sealed partial class Tensor
{
    private Tensor Self(int status)
    {
        N.Check(status);
        return this;
    }

    private static NativeScalar S(Scalar s) => s.ToNative();

    // ---- unary ----
    public Tensor neg() => new(N.nbdl_tensor_neg(Handle));
    public Tensor exp() => new(N.nbdl_tensor_exp(Handle));
    public Tensor log() => new(N.nbdl_tensor_log(Handle));
    public Tensor log1p() => new(N.nbdl_tensor_log1p(Handle));
    public Tensor log2() => new(N.nbdl_tensor_log2(Handle));
    public Tensor log10() => new(N.nbdl_tensor_log10(Handle));
    public Tensor expm1() => new(N.nbdl_tensor_expm1(Handle));
    public Tensor sqrt() => new(N.nbdl_tensor_sqrt(Handle));
    public Tensor rsqrt() => new(N.nbdl_tensor_rsqrt(Handle));
    public Tensor abs() => new(N.nbdl_tensor_abs(Handle));
    public Tensor sign() => new(N.nbdl_tensor_sign(Handle));
    public Tensor floor() => new(N.nbdl_tensor_floor(Handle));
    public Tensor ceil() => new(N.nbdl_tensor_ceil(Handle));
    public Tensor round() => new(N.nbdl_tensor_round(Handle));
    public Tensor trunc() => new(N.nbdl_tensor_trunc(Handle));
    public Tensor frac() => new(N.nbdl_tensor_frac(Handle));
    public Tensor reciprocal() => new(N.nbdl_tensor_reciprocal(Handle));
    public Tensor square() => new(N.nbdl_tensor_square(Handle));
    public Tensor sin() => new(N.nbdl_tensor_sin(Handle));
    public Tensor cos() => new(N.nbdl_tensor_cos(Handle));
    public Tensor tan() => new(N.nbdl_tensor_tan(Handle));
    public Tensor asin() => new(N.nbdl_tensor_asin(Handle));
    public Tensor acos() => new(N.nbdl_tensor_acos(Handle));
    public Tensor atan() => new(N.nbdl_tensor_atan(Handle));
    public Tensor sinh() => new(N.nbdl_tensor_sinh(Handle));
    public Tensor cosh() => new(N.nbdl_tensor_cosh(Handle));
    public Tensor tanh() => new(N.nbdl_tensor_tanh(Handle));
    public Tensor sigmoid() => new(N.nbdl_tensor_sigmoid(Handle));
    public Tensor relu() => new(N.nbdl_tensor_relu(Handle));
    public Tensor silu() => new(N.nbdl_tensor_silu(Handle));
    public Tensor erf() => new(N.nbdl_tensor_erf(Handle));
    public Tensor logical_not() => new(N.nbdl_tensor_logical_not(Handle));
    public Tensor isnan() => new(N.nbdl_tensor_isnan(Handle));
    public Tensor isinf() => new(N.nbdl_tensor_isinf(Handle));
    public Tensor bitwise_not() => new(N.nbdl_tensor_bitwise_not(Handle));

    /// <param name="approximate">"none" (exact, erf-based) or "tanh", as PyTorch's gelu.</param>
    public Tensor gelu(string approximate = "none") => approximate switch
    {
        "none" => new(N.nbdl_tensor_gelu(Handle, 0)),
        "tanh" => new(N.nbdl_tensor_gelu(Handle, 1)),
        _ => throw new ArgumentException($"gelu approximate must be \"none\" or \"tanh\", got \"{approximate}\".", nameof(approximate)),
    };

    public Tensor leaky_relu(double negative_slope = 0.01) => new(N.nbdl_tensor_leaky_relu(Handle, negative_slope));
    public Tensor softplus(double beta = 1, double threshold = 20) => new(N.nbdl_tensor_softplus(Handle, beta, threshold));
    public Tensor softmax(long dim) => new(N.nbdl_tensor_softmax(Handle, dim));
    public Tensor log_softmax(long dim) => new(N.nbdl_tensor_log_softmax(Handle, dim));

    public Tensor clamp(Scalar? min = null, Scalar? max = null)
    {
        RequireBound(min, max);
        return new(N.nbdl_tensor_clamp(Handle, min.HasValue ? 1 : 0, S(min ?? 0), max.HasValue ? 1 : 0, S(max ?? 0)));
    }

    public Tensor clamp_(Scalar? min = null, Scalar? max = null)
    {
        RequireBound(min, max);
        return Self(N.nbdl_tensor_clamp_(Handle, min.HasValue ? 1 : 0, S(min ?? 0), max.HasValue ? 1 : 0, S(max ?? 0)));
    }

    public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

    private static void RequireBound(Scalar? min, Scalar? max)
    {
        if (min is null && max is null) throw new ArgumentException("clamp needs at least one of min or max.");
    }

    // ---- in-place unary ----
    public Tensor neg_() => Self(N.nbdl_tensor_neg_(Handle));
    public Tensor exp_() => Self(N.nbdl_tensor_exp_(Handle));
    public Tensor log_() => Self(N.nbdl_tensor_log_(Handle));
    public Tensor sqrt_() => Self(N.nbdl_tensor_sqrt_(Handle));
    public Tensor abs_() => Self(N.nbdl_tensor_abs_(Handle));
    public Tensor sigmoid_() => Self(N.nbdl_tensor_sigmoid_(Handle));
    public Tensor relu_() => Self(N.nbdl_tensor_relu_(Handle));
    public Tensor tanh_() => Self(N.nbdl_tensor_tanh_(Handle));
    public Tensor zero_() => Self(N.nbdl_tensor_zero_(Handle));
    public Tensor floor_() => Self(N.nbdl_tensor_floor_(Handle));
    public Tensor round_() => Self(N.nbdl_tensor_round_(Handle));
    public Tensor fill_(Scalar value) => Self(N.nbdl_tensor_fill_scalar_(Handle, S(value)));
    public Tensor copy_(Tensor src) => Self(N.nbdl_tensor_copy_(Handle, src.Handle));
    public Tensor uniform_(double from = 0, double to = 1) => Self(N.nbdl_tensor_uniform_(Handle, from, to));
    public Tensor normal_(double mean = 0, double std = 1) => Self(N.nbdl_tensor_normal_(Handle, mean, std));
    public Tensor bernoulli_(double p = 0.5) => Self(N.nbdl_tensor_bernoulli_(Handle, p));

    // ---- binary (tensor and scalar forms) ----
    public Tensor add(Tensor other, Scalar? alpha = null) => new(N.nbdl_tensor_add(Handle, other.Handle, S(alpha ?? 1)));
    public Tensor add(Scalar other) => new(N.nbdl_tensor_add_scalar(Handle, S(other)));
    public Tensor sub(Tensor other, Scalar? alpha = null) => new(N.nbdl_tensor_sub(Handle, other.Handle, S(alpha ?? 1)));
    public Tensor sub(Scalar other) => new(N.nbdl_tensor_sub_scalar(Handle, S(other)));
    public Tensor mul(Tensor other) => new(N.nbdl_tensor_mul(Handle, other.Handle));
    public Tensor mul(Scalar other) => new(N.nbdl_tensor_mul_scalar(Handle, S(other)));
    public Tensor div(Tensor other) => new(N.nbdl_tensor_div(Handle, other.Handle));
    public Tensor div(Scalar other) => new(N.nbdl_tensor_div_scalar(Handle, S(other)));
    public Tensor pow(Tensor exponent) => new(N.nbdl_tensor_pow(Handle, exponent.Handle));
    public Tensor pow(Scalar exponent) => new(N.nbdl_tensor_pow_scalar(Handle, S(exponent)));
    public Tensor fmod(Tensor other) => new(N.nbdl_tensor_fmod(Handle, other.Handle));
    public Tensor fmod(Scalar other) => new(N.nbdl_tensor_fmod_scalar(Handle, S(other)));
    public Tensor remainder(Tensor other) => new(N.nbdl_tensor_remainder(Handle, other.Handle));
    public Tensor remainder(Scalar other) => new(N.nbdl_tensor_remainder_scalar(Handle, S(other)));
    public Tensor maximum(Tensor other) => new(N.nbdl_tensor_maximum(Handle, other.Handle));
    public Tensor minimum(Tensor other) => new(N.nbdl_tensor_minimum(Handle, other.Handle));
    public Tensor atan2(Tensor other) => new(N.nbdl_tensor_atan2(Handle, other.Handle));
    public Tensor lerp(Tensor end, Tensor weight) => new(N.nbdl_tensor_lerp(Handle, end.Handle, weight.Handle));
    public Tensor lerp(Tensor end, Scalar weight) => new(N.nbdl_tensor_lerp_scalar(Handle, end.Handle, S(weight)));

    // ---- comparisons and logic: bool tensors ----
    public Tensor eq(Tensor other) => new(N.nbdl_tensor_eq(Handle, other.Handle));
    public Tensor eq(Scalar other) => new(N.nbdl_tensor_eq_scalar(Handle, S(other)));
    public Tensor ne(Tensor other) => new(N.nbdl_tensor_ne(Handle, other.Handle));
    public Tensor ne(Scalar other) => new(N.nbdl_tensor_ne_scalar(Handle, S(other)));
    public Tensor lt(Tensor other) => new(N.nbdl_tensor_lt(Handle, other.Handle));
    public Tensor lt(Scalar other) => new(N.nbdl_tensor_lt_scalar(Handle, S(other)));
    public Tensor le(Tensor other) => new(N.nbdl_tensor_le(Handle, other.Handle));
    public Tensor le(Scalar other) => new(N.nbdl_tensor_le_scalar(Handle, S(other)));
    public Tensor gt(Tensor other) => new(N.nbdl_tensor_gt(Handle, other.Handle));
    public Tensor gt(Scalar other) => new(N.nbdl_tensor_gt_scalar(Handle, S(other)));
    public Tensor ge(Tensor other) => new(N.nbdl_tensor_ge(Handle, other.Handle));
    public Tensor ge(Scalar other) => new(N.nbdl_tensor_ge_scalar(Handle, S(other)));
    public Tensor logical_and(Tensor other) => new(N.nbdl_tensor_logical_and(Handle, other.Handle));
    public Tensor logical_or(Tensor other) => new(N.nbdl_tensor_logical_or(Handle, other.Handle));
    public Tensor logical_xor(Tensor other) => new(N.nbdl_tensor_logical_xor(Handle, other.Handle));
    public Tensor bitwise_and(Tensor other) => new(N.nbdl_tensor_bitwise_and(Handle, other.Handle));
    public Tensor bitwise_or(Tensor other) => new(N.nbdl_tensor_bitwise_or(Handle, other.Handle));
    public Tensor bitwise_xor(Tensor other) => new(N.nbdl_tensor_bitwise_xor(Handle, other.Handle));

    // ---- in-place binary ----
    public Tensor add_(Tensor other, Scalar? alpha = null) => Self(N.nbdl_tensor_add_(Handle, other.Handle, S(alpha ?? 1)));
    public Tensor add_(Scalar other) => Self(N.nbdl_tensor_add_scalar_(Handle, S(other)));
    public Tensor sub_(Tensor other, Scalar? alpha = null) => Self(N.nbdl_tensor_sub_(Handle, other.Handle, S(alpha ?? 1)));
    public Tensor sub_(Scalar other) => Self(N.nbdl_tensor_sub_scalar_(Handle, S(other)));
    public Tensor mul_(Tensor other) => Self(N.nbdl_tensor_mul_(Handle, other.Handle));
    public Tensor mul_(Scalar other) => Self(N.nbdl_tensor_mul_scalar_(Handle, S(other)));
    public Tensor div_(Tensor other) => Self(N.nbdl_tensor_div_(Handle, other.Handle));
    public Tensor div_(Scalar other) => Self(N.nbdl_tensor_div_scalar_(Handle, S(other)));
    public Tensor pow_(Scalar exponent) => Self(N.nbdl_tensor_pow_scalar_(Handle, S(exponent)));
    public Tensor lerp_(Tensor end, Scalar weight) => Self(N.nbdl_tensor_lerp_scalar_(Handle, end.Handle, S(weight)));
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar? value = null) => Self(N.nbdl_tensor_addcmul_(Handle, tensor1.Handle, tensor2.Handle, S(value ?? 1)));
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar? value = null) => Self(N.nbdl_tensor_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, S(value ?? 1)));

    // ---- linear algebra ----
    public Tensor matmul(Tensor other) => new(N.nbdl_tensor_matmul(Handle, other.Handle));
    public Tensor mm(Tensor other) => new(N.nbdl_tensor_mm(Handle, other.Handle));
    public Tensor bmm(Tensor other) => new(N.nbdl_tensor_bmm(Handle, other.Handle));
    public Tensor outer(Tensor other) => new(N.nbdl_tensor_outer(Handle, other.Handle));
    public Tensor dot(Tensor other) => new(N.nbdl_tensor_dot(Handle, other.Handle));

    // ---- C# operators ----
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, Scalar b) => a.add(b);
    public static Tensor operator +(Scalar a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, Scalar b) => a.sub(b);
    public static Tensor operator -(Scalar a, Tensor b) => new(N.nbdl_tensor_rsub_scalar(b.Handle, S(a)));
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, Scalar b) => a.mul(b);
    public static Tensor operator *(Scalar a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, Scalar b) => a.div(b);
    public static Tensor operator /(Scalar a, Tensor b) => new(N.nbdl_tensor_rdiv_scalar(b.Handle, S(a)));
    public static Tensor operator %(Tensor a, Tensor b) => a.remainder(b);
    public static Tensor operator %(Tensor a, Scalar b) => a.remainder(b);
    public static Tensor operator -(Tensor a) => a.neg();
    public static Tensor operator &(Tensor a, Tensor b) => a.bitwise_and(b);
    public static Tensor operator |(Tensor a, Tensor b) => a.bitwise_or(b);
    public static Tensor operator ^(Tensor a, Tensor b) => a.bitwise_xor(b);
    public static Tensor operator ~(Tensor a) => a.bitwise_not();
    public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
    public static Tensor operator <(Tensor a, Scalar b) => a.lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
    public static Tensor operator >(Tensor a, Scalar b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
    public static Tensor operator <=(Tensor a, Scalar b) => a.le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
    public static Tensor operator >=(Tensor a, Scalar b) => a.ge(b);

    /// <summary>Element-wise equality, as in PyTorch (<c>preds == targets</c>). Test for null with <c>is null</c>.</summary>
    public static Tensor operator ==(Tensor a, Tensor b) => NotNull(a).eq(NotNull(b));
    public static Tensor operator !=(Tensor a, Tensor b) => NotNull(a).ne(NotNull(b));
    public static Tensor operator ==(Tensor a, Scalar b) => NotNull(a).eq(b);
    public static Tensor operator !=(Tensor a, Scalar b) => NotNull(a).ne(b);

    private static Tensor NotNull(Tensor? t) =>
        t ?? throw new ArgumentNullException(nameof(t), "Tensor == is element-wise; to test a tensor variable for null use `x is null`.");
}
