// Neural-network ops behind torch.nn.functional: convolutions, normalisation, dropout, pooling, losses,
// padding, resampling. Optional tensors (bias, weight, running stats) arrive as nullptr.
// Parameters are created and owned in C#; only the maths crosses this boundary.
#include "common.h"

namespace {

c10::optional<at::Tensor> opt(Handle t) { return t ? c10::optional<at::Tensor>(*t) : c10::nullopt; }

// at::Reduction codes: 0 none, 1 mean, 2 sum (C# validates the string and passes the code).
int64_t reduction(int32_t r) { return static_cast<int64_t>(r); }

}  // namespace

// ---- convolutions ----
NBDL_TENSOR_FN(nbdl_nn_conv1d(Handle x, Handle w, Handle b, const int64_t* stride, const int64_t* padding,
                              const int64_t* dilation, int64_t groups),
               at::conv1d(*x, *w, opt(b), nbdl::ints(stride, 1), nbdl::ints(padding, 1), nbdl::ints(dilation, 1), groups))
NBDL_TENSOR_FN(nbdl_nn_conv2d(Handle x, Handle w, Handle b, const int64_t* stride, const int64_t* padding,
                              const int64_t* dilation, int64_t groups),
               at::conv2d(*x, *w, opt(b), nbdl::ints(stride, 2), nbdl::ints(padding, 2), nbdl::ints(dilation, 2), groups))
NBDL_TENSOR_FN(nbdl_nn_conv_transpose2d(Handle x, Handle w, Handle b, const int64_t* stride, const int64_t* padding,
                                        const int64_t* output_padding, int64_t groups, const int64_t* dilation),
               at::conv_transpose2d(*x, *w, opt(b), nbdl::ints(stride, 2), nbdl::ints(padding, 2),
                                    nbdl::ints(output_padding, 2), groups, nbdl::ints(dilation, 2)))

// ---- normalisation ----
// In training mode with running stats, libtorch updates running_mean/running_var in place (momentum blend).
NBDL_TENSOR_FN(nbdl_nn_batch_norm(Handle x, Handle weight, Handle bias, Handle running_mean, Handle running_var,
                                  int32_t training, double momentum, double eps),
               at::batch_norm(*x, opt(weight), opt(bias), opt(running_mean), opt(running_var), training != 0, momentum,
                              eps, /*cudnn_enabled=*/true))
NBDL_TENSOR_FN(nbdl_nn_layer_norm(Handle x, const int64_t* shape, int32_t ndim, Handle weight, Handle bias, double eps),
               at::layer_norm(*x, nbdl::ints(shape, ndim), opt(weight), opt(bias), eps, /*cudnn_enable=*/true))

// ---- dropout ----
NBDL_TENSOR_FN(nbdl_nn_dropout(Handle x, double p, int32_t train), at::dropout(*x, p, train != 0))
// Zeroes whole channels (dim 1), as F.dropout2d.
NBDL_TENSOR_FN(nbdl_nn_feature_dropout(Handle x, double p, int32_t train), at::feature_dropout(*x, p, train != 0))

// ---- embedding ----
NBDL_TENSOR_FN(nbdl_nn_embedding(Handle weight, Handle indices, int64_t padding_idx),
               at::embedding(*weight, *indices, padding_idx, /*scale_grad_by_freq=*/false, /*sparse=*/false))
NBDL_TENSOR_FN(nbdl_nn_one_hot(Handle t, int64_t num_classes), at::one_hot(*t, num_classes))

// ---- pooling ----
NBDL_TENSOR_FN(nbdl_nn_max_pool2d(Handle x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                  const int64_t* dilation, int32_t ceil_mode),
               at::max_pool2d(*x, nbdl::ints(kernel, 2), nbdl::ints(stride, 2), nbdl::ints(padding, 2),
                              nbdl::ints(dilation, 2), ceil_mode != 0))
// divisor_override <= 0 means "none".
NBDL_TENSOR_FN(nbdl_nn_avg_pool2d(Handle x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                  int32_t ceil_mode, int32_t count_include_pad, int64_t divisor_override),
               at::avg_pool2d(*x, nbdl::ints(kernel, 2), nbdl::ints(stride, 2), nbdl::ints(padding, 2), ceil_mode != 0,
                              count_include_pad != 0,
                              divisor_override > 0 ? c10::optional<int64_t>(divisor_override) : c10::nullopt))
NBDL_TENSOR_FN(nbdl_nn_adaptive_avg_pool2d(Handle x, const int64_t* output_size),
               at::adaptive_avg_pool2d(*x, nbdl::ints(output_size, 2)))
NBDL_TENSOR_FN(nbdl_nn_adaptive_max_pool2d(Handle x, const int64_t* output_size),
               std::get<0>(at::adaptive_max_pool2d(*x, nbdl::ints(output_size, 2))))

// ---- losses ----
NBDL_TENSOR_FN(nbdl_nn_cross_entropy(Handle input, Handle target, Handle weight, int32_t red, int64_t ignore_index,
                                     double label_smoothing),
               at::cross_entropy_loss(*input, *target, opt(weight), reduction(red), ignore_index, label_smoothing))
NBDL_TENSOR_FN(nbdl_nn_nll_loss(Handle input, Handle target, Handle weight, int32_t red, int64_t ignore_index),
               at::nll_loss_nd(*input, *target, opt(weight), reduction(red), ignore_index))
NBDL_TENSOR_FN(nbdl_nn_mse_loss(Handle input, Handle target, int32_t red), at::mse_loss(*input, *target, reduction(red)))
NBDL_TENSOR_FN(nbdl_nn_l1_loss(Handle input, Handle target, int32_t red), at::l1_loss(*input, *target, reduction(red)))
NBDL_TENSOR_FN(nbdl_nn_binary_cross_entropy(Handle input, Handle target, Handle weight, int32_t red),
               at::binary_cross_entropy(*input, *target, opt(weight), reduction(red)))
NBDL_TENSOR_FN(nbdl_nn_binary_cross_entropy_with_logits(Handle input, Handle target, Handle weight, Handle pos_weight,
                                                        int32_t red),
               at::binary_cross_entropy_with_logits(*input, *target, opt(weight), opt(pos_weight), reduction(red)))

// ---- padding: mode 0 constant, 1 reflect, 2 replicate; `pad` lists (left, right, top, bottom, ...) ----
NBDL_API Handle nbdl_nn_pad(Handle x, const int64_t* pad, int32_t npad, int32_t mode, double value) {
  NBDL_TRY
  auto p = nbdl::ints(pad, npad);
  if (mode == 0) return nbdl::wrap(at::constant_pad_nd(*x, p, value));
  TORCH_CHECK(npad == 2 || npad == 4 || npad == 6, "pad: reflect/replicate padding takes 2, 4 or 6 values, got ", npad);
  if (mode == 1) {
    if (npad == 2) return nbdl::wrap(at::reflection_pad1d(*x, p));
    if (npad == 4) return nbdl::wrap(at::reflection_pad2d(*x, p));
    return nbdl::wrap(at::reflection_pad3d(*x, p));
  }
  if (npad == 2) return nbdl::wrap(at::replication_pad1d(*x, p));
  if (npad == 4) return nbdl::wrap(at::replication_pad2d(*x, p));
  return nbdl::wrap(at::replication_pad3d(*x, p));
  NBDL_CATCH(nullptr)
}

// ---- resampling of 4-D inputs: either output size (nsize == 2) or scale factors (nscale == 2) ----
// mode 0 nearest, 1 bilinear. align_corners applies to bilinear only.
NBDL_API Handle nbdl_nn_interpolate2d(Handle x, const int64_t* size, int32_t nsize, const double* scale, int32_t nscale,
                                      int32_t mode, int32_t align_corners) {
  NBDL_TRY
  auto out_size = nsize > 0 ? c10::optional<at::IntArrayRef>(nbdl::ints(size, nsize)) : c10::nullopt;
  auto scales = nscale > 0 ? c10::optional<at::ArrayRef<double>>(at::ArrayRef<double>(scale, nscale)) : c10::nullopt;
  if (mode == 0) return nbdl::wrap(at::upsample_nearest2d(*x, out_size, scales));
  return nbdl::wrap(at::upsample_bilinear2d(*x, out_size, align_corners != 0, scales));
  NBDL_CATCH(nullptr)
}

// interpolation 0 bilinear, 1 nearest, 2 bicubic; padding 0 zeros, 1 border, 2 reflection (libtorch's codes).
NBDL_TENSOR_FN(nbdl_nn_grid_sample(Handle x, Handle grid, int32_t interpolation, int32_t padding, int32_t align_corners),
               at::grid_sampler(*x, *grid, interpolation, padding, align_corners != 0))
NBDL_TENSOR_FN(nbdl_nn_affine_grid(Handle theta, const int64_t* size, int32_t nsize, int32_t align_corners),
               at::affine_grid_generator(*theta, nbdl::ints(size, nsize), align_corners != 0))

// ---- module support ----
// Replaces the data of `t` with `data` while keeping its identity (C# and optimizer references stay valid):
// this is how Module.to(device/dtype) moves parameters, like PyTorch's `param.data = ...`.
NBDL_STATUS_FN(nbdl_nn_set_data(Handle t, Handle data), t->set_data(*data))
