// Error slot, memory helpers, threads, seeding, devices, grad mode.
#include "common.h"

#include <cstdlib>
#include <cstring>

namespace {
thread_local std::string last_error;
thread_local int32_t last_error_kind = 0;
}

namespace nbdl {

void set_last_error(ErrorKind kind, const char* message) {
  last_error_kind = kind;
  last_error = message ? message : "unknown error";
}

int32_t export_list(const std::vector<at::Tensor>& list, Handle** out) {
  auto* array = static_cast<Handle*>(std::malloc(sizeof(Handle) * std::max<size_t>(list.size(), 1)));
  if (!array) throw std::bad_alloc();
  for (size_t i = 0; i < list.size(); ++i) array[i] = new at::Tensor(list[i]);
  *out = array;
  return static_cast<int32_t>(list.size());
}

at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
}

}  // namespace nbdl

NBDL_API const char* nbdl_util_last_error() { return last_error.c_str(); }
NBDL_API int32_t nbdl_util_last_error_kind() { return last_error_kind; }

NBDL_API void nbdl_util_free(void* pointer) { std::free(pointer); }

NBDL_API void nbdl_tensor_free(Handle tensor) { delete tensor; }

NBDL_API const char* nbdl_util_torch_version() {
  static const std::string version =
      std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
      std::to_string(TORCH_VERSION_PATCH);
  return version.c_str();
}

NBDL_STATUS_FN(nbdl_util_set_num_threads(int32_t n), at::set_num_threads(n))
NBDL_API int32_t nbdl_util_get_num_threads() { return at::get_num_threads(); }

NBDL_STATUS_FN(nbdl_util_manual_seed(int64_t seed), at::manual_seed(static_cast<uint64_t>(seed)))

NBDL_API int32_t nbdl_util_cuda_is_available() { return at::hasCUDA() ? 1 : 0; }

NBDL_API int32_t nbdl_util_cuda_device_count() {
  NBDL_TRY return at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0;
  NBDL_CATCH(-1)
}

NBDL_API int32_t nbdl_autograd_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

// Returns the previous mode so that C# scopes can restore it (nested no_grad/enable_grad).
NBDL_API int32_t nbdl_autograd_set_grad_enabled(int32_t enabled) {
  bool previous = at::GradMode::is_enabled();
  at::GradMode::set_enabled(enabled != 0);
  return previous ? 1 : 0;
}
