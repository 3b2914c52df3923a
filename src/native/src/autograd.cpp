// Autograd: requires_grad, backward, retain_grad, torch.autograd.grad.
#include "common.h"

NBDL_STATUS_FN(nbdl_tensor_requires_grad_(Handle t, int32_t flag), t->requires_grad_(flag != 0))
NBDL_STATUS_FN(nbdl_tensor_retain_grad(Handle t), t->retain_grad())
NBDL_STATUS_FN(nbdl_tensor_backward(Handle t, Handle gradient, int32_t retain_graph, int32_t create_graph),
               t->backward(gradient ? *gradient : at::Tensor(),
                           retain_graph < 0 ? c10::optional<bool>() : c10::optional<bool>(retain_graph != 0),
                           create_graph != 0))

// torch.autograd.grad: returns the number of gradients written to *out (one per input; nullptr entries
// for unused inputs when allow_unused), or -1 on error.
NBDL_API int32_t nbdl_autograd_grad(const Handle* outputs, int32_t n_outputs, const Handle* inputs, int32_t n_inputs,
                                    const Handle* grad_outputs, int32_t n_grad_outputs, int32_t retain_graph,
                                    int32_t create_graph, int32_t allow_unused, Handle** out) {
  NBDL_TRY
  std::vector<at::Tensor> grad_outs;
  for (int32_t i = 0; i < n_grad_outputs; ++i) grad_outs.push_back(grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
  auto grads = torch::autograd::grad(nbdl::tensors(outputs, n_outputs), nbdl::tensors(inputs, n_inputs), grad_outs,
                                     retain_graph < 0 ? c10::optional<bool>() : c10::optional<bool>(retain_graph != 0),
                                     create_graph != 0, allow_unused != 0);
  auto* array = static_cast<Handle*>(std::malloc(sizeof(Handle) * std::max<size_t>(grads.size(), 1)));
  if (!array) throw std::bad_alloc();
  for (size_t i = 0; i < grads.size(); ++i) array[i] = grads[i].defined() ? new at::Tensor(grads[i]) : nullptr;
  *out = array;
  return static_cast<int32_t>(grads.size());
  NBDL_CATCH(-1)
}
