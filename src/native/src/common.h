// Shared conventions of the C ABI (see README in this folder):
//  - every exported function is `extern "C"`, named nbdl_<area>_<op>, with blittable arguments only;
//  - tensors cross as heap-allocated at::Tensor* handles, freed by nbdl_tensor_free;
//  - every function catches every C++ exception, stores its message in a thread-local slot and
//    returns a sentinel (nullptr for handles, -1 for counts/status). No exception crosses the ABI.
#pragma once
#include "pch.h"

#define NBDL_API extern "C" __attribute__((visibility("default")))

using Handle = at::Tensor*;

// A scalar from C#: kind 0 = floating (d), 1 = integer (i), 2 = bool (i != 0).
struct NbdlScalar {
  int32_t kind;
  double d;
  int64_t i;
};

namespace nbdl {

// Error kinds, mirrored by NotebookDL.Torch's TorchErrorKind.
enum ErrorKind : int32_t { kGeneric = 0, kIndex = 1, kValue = 2, kType = 3, kNotImplemented = 4, kOutOfMemory = 5 };

void set_last_error(ErrorKind kind, const char* message);

inline at::Scalar to_scalar(NbdlScalar s) {
  switch (s.kind) {
    case 1: return at::Scalar(s.i);
    case 2: return at::Scalar(s.i != 0);
    default: return at::Scalar(s.d);
  }
}

// A number as Python passes it to tensor ops: a 0-dim "wrapped number" tensor. Type promotion treats it like a
// Scalar, and autograd names match PyTorch's (x * 2 -> MulBackward0, not the Scalar overload's MulBackward1).
inline at::Tensor wrapped_number(NbdlScalar s) { return at::native::wrapped_scalar_tensor(to_scalar(s)); }

inline Handle wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline at::IntArrayRef ints(const int64_t* data, int32_t length) {
  return at::IntArrayRef(data, static_cast<size_t>(length));
}

inline std::vector<at::Tensor> tensors(const Handle* handles, int32_t length) {
  std::vector<at::Tensor> result;
  result.reserve(length);
  for (int32_t i = 0; i < length; ++i) result.push_back(*handles[i]);
  return result;
}

// Hands a list of tensors to C#: a malloc'ed array of handles the caller frees with nbdl_util_free.
int32_t export_list(const std::vector<at::Tensor>& list, Handle** out);

at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index);

}  // namespace nbdl

// c10::Error carries a C++ backtrace in what(); C# users need libtorch's message, so use the short form.
#define NBDL_TRY try {
#define NBDL_CATCH(sentinel)                                                             \
  }                                                                                      \
  catch (const c10::IndexError& e) {                                                     \
    nbdl::set_last_error(nbdl::kIndex, e.what_without_backtrace());                      \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const c10::ValueError& e) {                                                     \
    nbdl::set_last_error(nbdl::kValue, e.what_without_backtrace());                      \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const c10::TypeError& e) {                                                      \
    nbdl::set_last_error(nbdl::kType, e.what_without_backtrace());                       \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const c10::NotImplementedError& e) {                                            \
    nbdl::set_last_error(nbdl::kNotImplemented, e.what_without_backtrace());             \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const c10::OutOfMemoryError& e) {                                               \
    nbdl::set_last_error(nbdl::kOutOfMemory, e.what_without_backtrace());                \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const c10::Error& e) {                                                          \
    nbdl::set_last_error(nbdl::kGeneric, e.what_without_backtrace());                    \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const std::bad_alloc&) {                                                        \
    nbdl::set_last_error(nbdl::kOutOfMemory, "out of memory: the allocation failed");    \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (const std::exception& e) {                                                      \
    nbdl::set_last_error(nbdl::kGeneric, e.what());                                      \
    return sentinel;                                                                     \
  }                                                                                      \
  catch (...) {                                                                          \
    nbdl::set_last_error(nbdl::kGeneric, "unknown C++ exception in libtorch");           \
    return sentinel;                                                                     \
  }

// A function returning a new tensor handle, nullptr on error.
#define NBDL_TENSOR_FN(signature, expr) \
  NBDL_API Handle signature {           \
    NBDL_TRY return nbdl::wrap(expr);   \
    NBDL_CATCH(nullptr)                 \
  }

// A function returning a status: 0 ok, -1 error.
#define NBDL_STATUS_FN(signature, stmt) \
  NBDL_API int32_t signature {          \
    NBDL_TRY stmt;                      \
    return 0;                           \
    NBDL_CATCH(-1)                      \
  }
