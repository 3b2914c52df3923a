// Tensor metadata, data transfer to host memory, conversions.
#include "common.h"

#include <cstring>

NBDL_API int32_t nbdl_tensor_ndim(Handle t) { return static_cast<int32_t>(t->dim()); }
NBDL_API int64_t nbdl_tensor_numel(Handle t) { return t->numel(); }
NBDL_API int32_t nbdl_tensor_dtype(Handle t) { return static_cast<int32_t>(t->scalar_type()); }
NBDL_API int32_t nbdl_tensor_device_type(Handle t) { return static_cast<int32_t>(t->device().type()); }
NBDL_API int32_t nbdl_tensor_device_index(Handle t) { return t->device().index(); }
NBDL_API int32_t nbdl_tensor_requires_grad(Handle t) { return t->requires_grad() ? 1 : 0; }
NBDL_API int32_t nbdl_tensor_is_leaf(Handle t) { return t->is_leaf() ? 1 : 0; }
NBDL_API int32_t nbdl_tensor_is_contiguous(Handle t) { return t->is_contiguous() ? 1 : 0; }
NBDL_API int32_t nbdl_tensor_element_size(Handle t) { return static_cast<int32_t>(t->element_size()); }

// Writes the sizes into `out` (capacity >= ndim).
NBDL_API void nbdl_tensor_shape(Handle t, int64_t* out) {
  auto sizes = t->sizes();
  std::memcpy(out, sizes.data(), sizes.size() * sizeof(int64_t));
}

NBDL_API void nbdl_tensor_stride(Handle t, int64_t* out) {
  auto strides = t->strides();
  std::memcpy(out, strides.data(), strides.size() * sizeof(int64_t));
}

// The gradient is optional: status 0 with *out = nullptr means "no grad yet".
NBDL_API int32_t nbdl_tensor_grad(Handle t, Handle* out) {
  NBDL_TRY
  const auto& grad = t->grad();
  *out = grad.defined() ? nbdl::wrap(grad) : nullptr;
  return 0;
  NBDL_CATCH(-1)
}

NBDL_STATUS_FN(nbdl_tensor_set_grad(Handle t, Handle grad), t->mutable_grad() = grad ? *grad : at::Tensor())

// Name of the autograd node that produced this tensor ("" for leaves). Valid until the next call on this thread.
NBDL_API const char* nbdl_tensor_grad_fn_name(Handle t) {
  thread_local std::string name;
  NBDL_TRY
  auto fn = t->grad_fn();
  name = fn ? fn->name() : "";
  return name.c_str();
  NBDL_CATCH(nullptr)
}

// Copies the elements, row-major, converted to `dtype`, into `out` (capacity `bytes`).
NBDL_API int32_t nbdl_tensor_copy_to_host(Handle t, int32_t dtype, void* out, int64_t bytes) {
  NBDL_TRY
  auto host = t->detach().to(at::kCPU, static_cast<at::ScalarType>(dtype)).contiguous();
  auto needed = static_cast<int64_t>(host.numel() * host.element_size());
  TORCH_CHECK(needed <= bytes, "host buffer of ", bytes, " bytes is too small for ", needed, " bytes");
  if (needed > 0) std::memcpy(out, host.data_ptr(), static_cast<size_t>(needed));
  return 0;
  NBDL_CATCH(-1)
}

NBDL_API int32_t nbdl_tensor_item_double(Handle t, double* out) {
  NBDL_TRY *out = t->item<double>();
  return 0;
  NBDL_CATCH(-1)
}

NBDL_API int32_t nbdl_tensor_item_long(Handle t, int64_t* out) {
  NBDL_TRY *out = t->item<int64_t>();
  return 0;
  NBDL_CATCH(-1)
}

NBDL_TENSOR_FN(nbdl_tensor_to(Handle t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t copy),
               t->to(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)),
                     static_cast<at::ScalarType>(dtype), /*non_blocking=*/false, copy != 0))
NBDL_TENSOR_FN(nbdl_tensor_clone(Handle t), t->clone())
NBDL_TENSOR_FN(nbdl_tensor_detach(Handle t), t->detach())
NBDL_TENSOR_FN(nbdl_tensor_contiguous(Handle t), t->contiguous())
// A new handle to the same tensor (shares storage and autograd identity), used for aliasing in C#.
NBDL_TENSOR_FN(nbdl_tensor_alias(Handle t), at::Tensor(*t))
