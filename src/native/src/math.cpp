// Element-wise math: unary functions, binary operators (tensor and scalar forms), their in-place forms.
#include "common.h"

#define UNARY(name) NBDL_TENSOR_FN(nbdl_tensor_##name(Handle t), at::name(*t))
#define UNARY_INPLACE(name) NBDL_STATUS_FN(nbdl_tensor_##name##_(Handle t), t->name##_())
#define BINARY(name)                                                                 \
  NBDL_TENSOR_FN(nbdl_tensor_##name(Handle a, Handle b), at::name(*a, *b))           \
  NBDL_TENSOR_FN(nbdl_tensor_##name##_scalar(Handle a, NbdlScalar b), at::name(*a, nbdl::to_scalar(b)))
#define BINARY_INPLACE(name)                                                         \
  NBDL_STATUS_FN(nbdl_tensor_##name##_(Handle a, Handle b), a->name##_(*b))          \
  NBDL_STATUS_FN(nbdl_tensor_##name##_scalar_(Handle a, NbdlScalar b), a->name##_(nbdl::to_scalar(b)))

UNARY(neg) UNARY(exp) UNARY(log) UNARY(log1p) UNARY(log2) UNARY(log10) UNARY(expm1) UNARY(sqrt) UNARY(rsqrt)
UNARY(abs) UNARY(sign) UNARY(floor) UNARY(ceil) UNARY(round) UNARY(trunc) UNARY(frac) UNARY(reciprocal)
UNARY(square) UNARY(sin) UNARY(cos) UNARY(tan) UNARY(asin) UNARY(acos) UNARY(atan) UNARY(sinh) UNARY(cosh)
UNARY(tanh) UNARY(sigmoid) UNARY(relu) UNARY(silu) UNARY(erf) UNARY(logical_not) UNARY(isnan) UNARY(isinf)
UNARY(bitwise_not)

UNARY_INPLACE(neg) UNARY_INPLACE(exp) UNARY_INPLACE(log) UNARY_INPLACE(sqrt) UNARY_INPLACE(abs)
UNARY_INPLACE(sigmoid) UNARY_INPLACE(relu) UNARY_INPLACE(tanh) UNARY_INPLACE(zero) UNARY_INPLACE(floor)
UNARY_INPLACE(round)

NBDL_TENSOR_FN(nbdl_tensor_gelu(Handle t, int32_t tanh_approx), at::gelu(*t, tanh_approx ? "tanh" : "none"))
NBDL_TENSOR_FN(nbdl_tensor_leaky_relu(Handle t, double slope), at::leaky_relu(*t, slope))
NBDL_TENSOR_FN(nbdl_tensor_softplus(Handle t, double beta, double threshold), at::softplus(*t, beta, threshold))
NBDL_TENSOR_FN(nbdl_tensor_softmax(Handle t, int64_t dim), at::softmax(*t, dim))
NBDL_TENSOR_FN(nbdl_tensor_log_softmax(Handle t, int64_t dim), at::log_softmax(*t, dim))

// clamp with optional bounds: has_min/has_max say which of min/max are given.
static c10::optional<at::Scalar> opt_scalar(int32_t has, NbdlScalar s) {
  return has ? c10::optional<at::Scalar>(nbdl::to_scalar(s)) : c10::nullopt;
}
NBDL_TENSOR_FN(nbdl_tensor_clamp(Handle t, int32_t has_min, NbdlScalar min, int32_t has_max, NbdlScalar max),
               at::clamp(*t, opt_scalar(has_min, min), opt_scalar(has_max, max)))
NBDL_STATUS_FN(nbdl_tensor_clamp_(Handle t, int32_t has_min, NbdlScalar min, int32_t has_max, NbdlScalar max),
               t->clamp_(opt_scalar(has_min, min), opt_scalar(has_max, max)))

// add/sub take PyTorch's alpha: a + alpha * b.
NBDL_TENSOR_FN(nbdl_tensor_add(Handle a, Handle b, NbdlScalar alpha), at::add(*a, *b, nbdl::to_scalar(alpha)))
NBDL_TENSOR_FN(nbdl_tensor_add_scalar(Handle a, NbdlScalar b), at::add(*a, nbdl::wrapped_number(b)))
NBDL_TENSOR_FN(nbdl_tensor_sub(Handle a, Handle b, NbdlScalar alpha), at::sub(*a, *b, nbdl::to_scalar(alpha)))
NBDL_TENSOR_FN(nbdl_tensor_sub_scalar(Handle a, NbdlScalar b), at::sub(*a, nbdl::wrapped_number(b)))
NBDL_STATUS_FN(nbdl_tensor_add_(Handle a, Handle b, NbdlScalar alpha), a->add_(*b, nbdl::to_scalar(alpha)))
NBDL_STATUS_FN(nbdl_tensor_add_scalar_(Handle a, NbdlScalar b), a->add_(nbdl::to_scalar(b)))
NBDL_STATUS_FN(nbdl_tensor_sub_(Handle a, Handle b, NbdlScalar alpha), a->sub_(*b, nbdl::to_scalar(alpha)))
NBDL_STATUS_FN(nbdl_tensor_sub_scalar_(Handle a, NbdlScalar b), a->sub_(nbdl::to_scalar(b)))
// scalar - tensor and scalar / tensor (C# `2 - x`, `1 / x`).
NBDL_TENSOR_FN(nbdl_tensor_rsub_scalar(Handle a, NbdlScalar b), at::rsub(*a, nbdl::to_scalar(b)))
NBDL_TENSOR_FN(nbdl_tensor_rdiv_scalar(Handle a, NbdlScalar b), at::mul(at::reciprocal(*a), nbdl::wrapped_number(b)))
NBDL_TENSOR_FN(nbdl_tensor_rpow_scalar(Handle a, NbdlScalar b), at::pow(nbdl::to_scalar(b), *a))

// mul/div with a number go through a wrapped-number tensor, as Python does (see nbdl::wrapped_number).
NBDL_TENSOR_FN(nbdl_tensor_mul(Handle a, Handle b), at::mul(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_mul_scalar(Handle a, NbdlScalar b), at::mul(*a, nbdl::wrapped_number(b)))
NBDL_TENSOR_FN(nbdl_tensor_div(Handle a, Handle b), at::div(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_div_scalar(Handle a, NbdlScalar b), at::div(*a, nbdl::wrapped_number(b)))
BINARY(pow) BINARY(fmod) BINARY(remainder)
BINARY(eq) BINARY(ne) BINARY(lt) BINARY(le) BINARY(gt) BINARY(ge)
BINARY_INPLACE(mul) BINARY_INPLACE(div) BINARY_INPLACE(pow) BINARY_INPLACE(fill)

NBDL_TENSOR_FN(nbdl_tensor_maximum(Handle a, Handle b), at::maximum(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_minimum(Handle a, Handle b), at::minimum(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_atan2(Handle a, Handle b), at::atan2(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_logical_and(Handle a, Handle b), at::logical_and(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_logical_or(Handle a, Handle b), at::logical_or(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_logical_xor(Handle a, Handle b), at::logical_xor(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_bitwise_and(Handle a, Handle b), at::bitwise_and(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_bitwise_or(Handle a, Handle b), at::bitwise_or(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_bitwise_xor(Handle a, Handle b), at::bitwise_xor(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_where(Handle cond, Handle a, Handle b), at::where(*cond, *a, *b))
NBDL_TENSOR_FN(nbdl_tensor_lerp(Handle a, Handle end, Handle weight), at::lerp(*a, *end, *weight))
NBDL_TENSOR_FN(nbdl_tensor_lerp_scalar(Handle a, Handle end, NbdlScalar weight), at::lerp(*a, *end, nbdl::to_scalar(weight)))
NBDL_STATUS_FN(nbdl_tensor_lerp_scalar_(Handle a, Handle end, NbdlScalar weight), a->lerp_(*end, nbdl::to_scalar(weight)))
NBDL_STATUS_FN(nbdl_tensor_copy_(Handle a, Handle src), a->copy_(*src))
NBDL_STATUS_FN(nbdl_tensor_addcmul_(Handle a, Handle t1, Handle t2, NbdlScalar value), a->addcmul_(*t1, *t2, nbdl::to_scalar(value)))
NBDL_STATUS_FN(nbdl_tensor_addcdiv_(Handle a, Handle t1, Handle t2, NbdlScalar value), a->addcdiv_(*t1, *t2, nbdl::to_scalar(value)))
NBDL_STATUS_FN(nbdl_tensor_uniform_(Handle a, double from, double to), a->uniform_(from, to))
NBDL_STATUS_FN(nbdl_tensor_normal_(Handle a, double mean, double std), a->normal_(mean, std))
NBDL_STATUS_FN(nbdl_tensor_bernoulli_(Handle a, double p), a->bernoulli_(p))

// Linear algebra.
NBDL_TENSOR_FN(nbdl_tensor_matmul(Handle a, Handle b), at::matmul(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_mm(Handle a, Handle b), at::mm(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_bmm(Handle a, Handle b), at::bmm(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_outer(Handle a, Handle b), at::outer(*a, *b))
NBDL_TENSOR_FN(nbdl_tensor_dot(Handle a, Handle b), at::dot(*a, *b))
// bias may be null: y = x W^T + b, the op every Linear layer calls.
NBDL_TENSOR_FN(nbdl_tensor_linear(Handle x, Handle w, Handle b),
               at::linear(*x, *w, b ? c10::optional<at::Tensor>(*b) : c10::nullopt))
