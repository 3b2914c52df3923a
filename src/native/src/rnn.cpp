// Recurrent layers via libtorch's fused at::lstm / at::gru. The flat parameter list is ordered per layer and
// direction as PyTorch's: weight_ih, weight_hh[, bias_ih, bias_hh].
#include "common.h"

// Writes output, h_n, c_n into out[0..2].
NBDL_API int32_t nbdl_nn_lstm(Handle input, Handle h0, Handle c0, const Handle* params, int32_t nparams,
                              int32_t has_biases, int64_t num_layers, double dropout, int32_t train,
                              int32_t bidirectional, int32_t batch_first, Handle* out) {
  NBDL_TRY
  auto result = at::lstm(*input, {*h0, *c0}, nbdl::tensors(params, nparams), has_biases != 0, num_layers, dropout,
                         train != 0, bidirectional != 0, batch_first != 0);
  out[0] = nbdl::wrap(std::get<0>(result));
  out[1] = nbdl::wrap(std::get<1>(result));
  out[2] = nbdl::wrap(std::get<2>(result));
  return 0;
  NBDL_CATCH(-1)
}

// Writes output, h_n into out[0..1].
NBDL_API int32_t nbdl_nn_gru(Handle input, Handle h0, const Handle* params, int32_t nparams, int32_t has_biases,
                             int64_t num_layers, double dropout, int32_t train, int32_t bidirectional,
                             int32_t batch_first, Handle* out) {
  NBDL_TRY
  auto result = at::gru(*input, *h0, nbdl::tensors(params, nparams), has_biases != 0, num_layers, dropout, train != 0,
                        bidirectional != 0, batch_first != 0);
  out[0] = nbdl::wrap(std::get<0>(result));
  out[1] = nbdl::wrap(std::get<1>(result));
  return 0;
  NBDL_CATCH(-1)
}
