// Factories: tensors from host memory, constants, ranges and random numbers.
#include "common.h"

#define NBDL_OPTS int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad
#define NBDL_OPTS_ARGS nbdl::options(dtype, device_type, device_index)

// at:: factories ignore TensorOptions::requires_grad (only torch:: variable factories honour it), so it is
// applied to the result instead.
static at::Tensor finish(at::Tensor t, int32_t requires_grad) {
  if (requires_grad) t.requires_grad_(true);
  return t;
}

// Copies `data` (row-major, element type `dtype`) into a new tensor that owns its memory.
NBDL_API Handle nbdl_tensor_from_data(const void* data, const int64_t* shape, int32_t ndim, NBDL_OPTS) {
  NBDL_TRY
  auto host = at::from_blob(const_cast<void*>(data), nbdl::ints(shape, ndim),
                            at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
  auto opts = NBDL_OPTS_ARGS;
  auto result = host.to(opts.device(), opts.dtype().toScalarType(), /*non_blocking=*/false, /*copy=*/true);
  return nbdl::wrap(finish(result, requires_grad));
  NBDL_CATCH(nullptr)
}

NBDL_TENSOR_FN(nbdl_tensor_empty(const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::empty(nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_zeros(const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::zeros(nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_ones(const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::ones(nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_full(const int64_t* shape, int32_t ndim, NbdlScalar value, NBDL_OPTS),
               finish(at::full(nbdl::ints(shape, ndim), nbdl::to_scalar(value), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_rand(const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::rand(nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_randn(const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::randn(nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, NBDL_OPTS),
               finish(at::randint(low, high, nbdl::ints(shape, ndim), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_randperm(int64_t n, NBDL_OPTS),
               finish(at::randperm(n, NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_arange(NbdlScalar start, NbdlScalar end, NbdlScalar step, NBDL_OPTS),
               finish(at::arange(nbdl::to_scalar(start), nbdl::to_scalar(end), nbdl::to_scalar(step), NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_linspace(double start, double end, int64_t steps, NBDL_OPTS),
               finish(at::linspace(start, end, steps, NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_eye(int64_t n, int64_t m, NBDL_OPTS),
               finish(at::eye(n, m, NBDL_OPTS_ARGS), requires_grad))

// *_like factories: same shape; dtype/device taken from the options (C# fills them from the source tensor).
NBDL_TENSOR_FN(nbdl_tensor_rand_like(Handle t, NBDL_OPTS),
               finish(at::rand_like(*t, NBDL_OPTS_ARGS), requires_grad))
NBDL_TENSOR_FN(nbdl_tensor_randn_like(Handle t, NBDL_OPTS),
               finish(at::randn_like(*t, NBDL_OPTS_ARGS), requires_grad))
