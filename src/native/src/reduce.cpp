// Reductions, scans, sorting and counting.
#include "common.h"

// dims may be empty (n_dims == 0) meaning "all dimensions", as in PyTorch's sum(dim=None).
static at::OptionalIntArrayRef opt_dims(const int64_t* dims, int32_t n) {
  return n > 0 ? at::OptionalIntArrayRef(nbdl::ints(dims, n)) : at::OptionalIntArrayRef();
}

NBDL_TENSOR_FN(nbdl_tensor_sum(Handle t, const int64_t* dims, int32_t n, int32_t keepdim),
               n > 0 ? at::sum(*t, nbdl::ints(dims, n), keepdim != 0) : at::sum(*t))
NBDL_TENSOR_FN(nbdl_tensor_mean(Handle t, const int64_t* dims, int32_t n, int32_t keepdim),
               n > 0 ? at::mean(*t, nbdl::ints(dims, n), keepdim != 0) : at::mean(*t))
NBDL_TENSOR_FN(nbdl_tensor_std(Handle t, const int64_t* dims, int32_t n, int64_t correction, int32_t keepdim),
               at::std(*t, opt_dims(dims, n), c10::optional<int64_t>(correction), keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_var(Handle t, const int64_t* dims, int32_t n, int64_t correction, int32_t keepdim),
               at::var(*t, opt_dims(dims, n), c10::optional<int64_t>(correction), keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_prod(Handle t, int32_t has_dim, int64_t dim, int32_t keepdim),
               has_dim ? at::prod(*t, dim, keepdim != 0) : at::prod(*t))
NBDL_TENSOR_FN(nbdl_tensor_amax(Handle t, const int64_t* dims, int32_t n, int32_t keepdim),
               at::amax(*t, nbdl::ints(dims, n), keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_amin(Handle t, const int64_t* dims, int32_t n, int32_t keepdim),
               at::amin(*t, nbdl::ints(dims, n), keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_max_all(Handle t), at::max(*t))
NBDL_TENSOR_FN(nbdl_tensor_min_all(Handle t), at::min(*t))
NBDL_TENSOR_FN(nbdl_tensor_argmax(Handle t, int32_t has_dim, int64_t dim, int32_t keepdim),
               at::argmax(*t, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_argmin(Handle t, int32_t has_dim, int64_t dim, int32_t keepdim),
               at::argmin(*t, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_norm(Handle t, double p, const int64_t* dims, int32_t n, int32_t keepdim),
               n > 0 ? at::norm(*t, p, nbdl::ints(dims, n), keepdim != 0) : at::norm(*t, p))
NBDL_TENSOR_FN(nbdl_tensor_logsumexp(Handle t, const int64_t* dims, int32_t n, int32_t keepdim),
               at::logsumexp(*t, nbdl::ints(dims, n), keepdim != 0))
NBDL_TENSOR_FN(nbdl_tensor_cumsum(Handle t, int64_t dim), at::cumsum(*t, dim))
NBDL_TENSOR_FN(nbdl_tensor_cumprod(Handle t, int64_t dim), at::cumprod(*t, dim))
NBDL_TENSOR_FN(nbdl_tensor_all(Handle t, int32_t has_dim, int64_t dim, int32_t keepdim),
               has_dim ? at::all(*t, dim, keepdim != 0) : at::all(*t))
NBDL_TENSOR_FN(nbdl_tensor_any(Handle t, int32_t has_dim, int64_t dim, int32_t keepdim),
               has_dim ? at::any(*t, dim, keepdim != 0) : at::any(*t))
NBDL_TENSOR_FN(nbdl_tensor_bincount(Handle t, Handle weights, int64_t minlength),
               at::bincount(*t, weights ? c10::optional<at::Tensor>(*weights) : c10::nullopt, minlength))

// Two-result ops write (values, indices) to out[0], out[1].
#define NBDL_PAIR_FN(signature, expr)      \
  NBDL_API int32_t signature {             \
    NBDL_TRY auto pair = expr;             \
    out[0] = nbdl::wrap(std::get<0>(pair)); \
    out[1] = nbdl::wrap(std::get<1>(pair)); \
    return 0;                              \
    NBDL_CATCH(-1)                         \
  }

NBDL_PAIR_FN(nbdl_tensor_max_dim(Handle t, int64_t dim, int32_t keepdim, Handle* out), at::max(*t, dim, keepdim != 0))
NBDL_PAIR_FN(nbdl_tensor_min_dim(Handle t, int64_t dim, int32_t keepdim, Handle* out), at::min(*t, dim, keepdim != 0))
NBDL_PAIR_FN(nbdl_tensor_sort(Handle t, int64_t dim, int32_t descending, int32_t stable, Handle* out),
             at::sort(*t, c10::optional<bool>(stable != 0), dim, descending != 0))
NBDL_PAIR_FN(nbdl_tensor_topk(Handle t, int64_t k, int64_t dim, int32_t largest, int32_t sorted, Handle* out),
             at::topk(*t, k, dim, largest != 0, sorted != 0))

// torch.unique (sorted): writes values, inverse indices and counts to out[0..2].
NBDL_API int32_t nbdl_tensor_unique(Handle t, int32_t sorted, int32_t return_inverse, int32_t return_counts, Handle* out) {
  NBDL_TRY
  auto result = at::_unique2(*t, sorted != 0, return_inverse != 0, return_counts != 0);
  out[0] = nbdl::wrap(std::get<0>(result));
  out[1] = return_inverse ? nbdl::wrap(std::get<1>(result)) : nullptr;
  out[2] = return_counts ? nbdl::wrap(std::get<2>(result)) : nullptr;
  return 0;
  NBDL_CATCH(-1)
}
