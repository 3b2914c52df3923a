// PyTorch-style indexing (x[1, ..., 0:5:2, None, mask]) and the gather/scatter family.
#include "common.h"

using at::indexing::Slice;
using at::indexing::TensorIndex;

// Slice bounds became SymInt in libtorch 2.x.
#if TORCH_VERSION_MAJOR >= 2
using SliceBound = c10::SymInt;
#else
using SliceBound = int64_t;
#endif

// One index element from C#. kind: 0 integer (a), 1 slice (a:b:c; has bits say which are given),
// 2 ellipsis, 3 None/newaxis, 4 tensor (bool mask or integer indices), 5 bool.
struct NbdlIndex {
  int32_t kind;
  int32_t has;  // slice: bit 0 start, bit 1 stop
  int64_t a;
  int64_t b;
  int64_t c;
  Handle tensor;
};

static std::vector<TensorIndex> to_indices(const NbdlIndex* spec, int32_t n) {
  std::vector<TensorIndex> indices;
  indices.reserve(n);
  for (int32_t i = 0; i < n; ++i) {
    const auto& s = spec[i];
    switch (s.kind) {
      case 0: indices.emplace_back(s.a); break;
      case 1:
        indices.emplace_back(Slice((s.has & 1) ? c10::optional<SliceBound>(s.a) : c10::nullopt,
                                   (s.has & 2) ? c10::optional<SliceBound>(s.b) : c10::nullopt,
                                   c10::optional<SliceBound>(s.c)));
        break;
      case 2: indices.emplace_back(at::indexing::Ellipsis); break;
      case 3: indices.emplace_back(at::indexing::None); break;
      case 4: indices.emplace_back(*s.tensor); break;
      case 5: indices.emplace_back(s.a != 0); break;
      default: TORCH_CHECK(false, "unknown index kind ", s.kind);
    }
  }
  return indices;
}

NBDL_TENSOR_FN(nbdl_tensor_index(Handle t, const NbdlIndex* spec, int32_t n), t->index(to_indices(spec, n)))
NBDL_STATUS_FN(nbdl_tensor_index_put_(Handle t, const NbdlIndex* spec, int32_t n, Handle value),
               t->index_put_(to_indices(spec, n), *value))
NBDL_STATUS_FN(nbdl_tensor_index_put_scalar_(Handle t, const NbdlIndex* spec, int32_t n, NbdlScalar value),
               t->index_put_(to_indices(spec, n), nbdl::to_scalar(value)))

NBDL_TENSOR_FN(nbdl_tensor_index_select(Handle t, int64_t dim, Handle index), t->index_select(dim, *index))
NBDL_TENSOR_FN(nbdl_tensor_gather(Handle t, int64_t dim, Handle index), t->gather(dim, *index))
NBDL_TENSOR_FN(nbdl_tensor_scatter(Handle t, int64_t dim, Handle index, Handle src), t->scatter(dim, *index, *src))
NBDL_TENSOR_FN(nbdl_tensor_scatter_add(Handle t, int64_t dim, Handle index, Handle src), t->scatter_add(dim, *index, *src))
NBDL_STATUS_FN(nbdl_tensor_scatter_(Handle t, int64_t dim, Handle index, Handle src), t->scatter_(dim, *index, *src))
NBDL_TENSOR_FN(nbdl_tensor_masked_fill(Handle t, Handle mask, NbdlScalar value), t->masked_fill(*mask, nbdl::to_scalar(value)))
NBDL_STATUS_FN(nbdl_tensor_masked_fill_(Handle t, Handle mask, NbdlScalar value), t->masked_fill_(*mask, nbdl::to_scalar(value)))
NBDL_TENSOR_FN(nbdl_tensor_masked_select(Handle t, Handle mask), t->masked_select(*mask))
NBDL_TENSOR_FN(nbdl_tensor_nonzero(Handle t), t->nonzero())
