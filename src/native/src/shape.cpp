// Views and shape manipulation, joining and splitting.
#include "common.h"

NBDL_TENSOR_FN(nbdl_tensor_view(Handle t, const int64_t* shape, int32_t n), t->view(nbdl::ints(shape, n)))
NBDL_TENSOR_FN(nbdl_tensor_reshape(Handle t, const int64_t* shape, int32_t n), t->reshape(nbdl::ints(shape, n)))
NBDL_TENSOR_FN(nbdl_tensor_flatten(Handle t, int64_t start, int64_t end), t->flatten(start, end))
NBDL_TENSOR_FN(nbdl_tensor_unflatten(Handle t, int64_t dim, const int64_t* sizes, int32_t n),
               t->unflatten(dim, nbdl::ints(sizes, n)))
NBDL_TENSOR_FN(nbdl_tensor_squeeze(Handle t), t->squeeze())
NBDL_TENSOR_FN(nbdl_tensor_squeeze_dim(Handle t, int64_t dim), t->squeeze(dim))
NBDL_TENSOR_FN(nbdl_tensor_unsqueeze(Handle t, int64_t dim), t->unsqueeze(dim))
NBDL_TENSOR_FN(nbdl_tensor_permute(Handle t, const int64_t* dims, int32_t n), t->permute(nbdl::ints(dims, n)))
NBDL_TENSOR_FN(nbdl_tensor_transpose(Handle t, int64_t dim0, int64_t dim1), t->transpose(dim0, dim1))
NBDL_TENSOR_FN(nbdl_tensor_t(Handle t), t->t())
NBDL_TENSOR_FN(nbdl_tensor_expand(Handle t, const int64_t* shape, int32_t n), t->expand(nbdl::ints(shape, n)))
NBDL_TENSOR_FN(nbdl_tensor_repeat(Handle t, const int64_t* repeats, int32_t n), t->repeat(nbdl::ints(repeats, n)))
NBDL_TENSOR_FN(nbdl_tensor_narrow(Handle t, int64_t dim, int64_t start, int64_t length), t->narrow(dim, start, length))
NBDL_TENSOR_FN(nbdl_tensor_flip(Handle t, const int64_t* dims, int32_t n), t->flip(nbdl::ints(dims, n)))
NBDL_TENSOR_FN(nbdl_tensor_roll(Handle t, const int64_t* shifts, int32_t n_shifts, const int64_t* dims, int32_t n_dims),
               t->roll(nbdl::ints(shifts, n_shifts), nbdl::ints(dims, n_dims)))
NBDL_TENSOR_FN(nbdl_tensor_cat(const Handle* list, int32_t n, int64_t dim), at::cat(nbdl::tensors(list, n), dim))
NBDL_TENSOR_FN(nbdl_tensor_stack(const Handle* list, int32_t n, int64_t dim), at::stack(nbdl::tensors(list, n), dim))

// List results: the number of tensors written to a malloc'ed array in *out, -1 on error.
NBDL_API int32_t nbdl_tensor_chunk(Handle t, int64_t chunks, int64_t dim, Handle** out) {
  NBDL_TRY return nbdl::export_list(t->chunk(chunks, dim), out);
  NBDL_CATCH(-1)
}

NBDL_API int32_t nbdl_tensor_split(Handle t, int64_t size, int64_t dim, Handle** out) {
  NBDL_TRY return nbdl::export_list(t->split(size, dim), out);
  NBDL_CATCH(-1)
}

NBDL_API int32_t nbdl_tensor_split_sizes(Handle t, const int64_t* sizes, int32_t n, int64_t dim, Handle** out) {
  NBDL_TRY return nbdl::export_list(t->split_with_sizes(nbdl::ints(sizes, n), dim), out);
  NBDL_CATCH(-1)
}
