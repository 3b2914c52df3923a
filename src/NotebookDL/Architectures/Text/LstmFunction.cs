using NotebookDL.Engine;
namespace NotebookDL.Architectures;

/// <summary>
/// One LSTM layer's forward and backward pass over a whole sequence as a single autograd node. Autograd over the
/// step-by-step operations would record a dozen nodes per time step and form the recurrent weight's gradient as one
/// small product per step plus an accumulation per step; here the backward pass runs the recurrence itself (without
/// autograd) and forms each weight's gradient as one matrix product over all steps, as libtorch's own LSTM does.
/// Inputs: x (bs, seq, in), h0, c0 (bs, hidden), weight_ih (4h, in), weight_hh (4h, h), bias (4h); gate order
/// input, forget, cell, output (PyTorch's). Outputs: the hidden states (bs, seq, h), and h and c after the last step.
/// </summary>
internal sealed class LstmFunction : torch.autograd.MultiTensorFunction<LstmFunction>
{
    public override string Name => "NotebookDLLstm";

    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, h, c, weightIh, weightHh, bias) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (Tensor)vars[3], (Tensor)vars[4], (Tensor)vars[5]);
        var steps = x.shape[1];
        var hidden = weightHh.shape[1];
        // Time-major, so that each step's slice is contiguous.
        var projected = nn.functional.linear(x, weightIh, bias).transpose(0, 1).contiguous();   // (seq, bs, 4h)
        var gates = torch.empty_like(projected);                                                 // activations, kept for backward
        var hs = torch.empty(steps, x.shape[0], hidden, dtype: x.dtype, device: x.device);
        var cs = torch.empty(steps, x.shape[0], hidden, dtype: x.dtype, device: x.device);
        var weightHhT = weightHh.t();
        for (var t = 0; t < steps; t++)
        {
            using (torch.NewDisposeScope())
            {
                var activations = gates[t];
                var pre = projected[t].addmm(h, weightHhT);
                activations.copy_(pre.sigmoid());
                activations.narrow(1, 2 * hidden, hidden).copy_(pre.narrow(1, 2 * hidden, hidden).tanh());
                var input = activations.narrow(1, 0, hidden);
                var forget = activations.narrow(1, hidden, hidden);
                var cell = activations.narrow(1, 2 * hidden, hidden);
                var output = activations.narrow(1, 3 * hidden, hidden);
                var cNext = forget * c + input * cell;
                cs[t].copy_(cNext);
                hs[t].copy_(output * cNext.tanh());
            }
            // Views into the kept states, made outside the step's scope so that the next step can read them.
            (h, c) = (hs[t], cs[t]);
        }
        ctx.save_for_backward([x, (Tensor)vars[1], (Tensor)vars[2], weightIh, weightHh, gates, hs, cs]);
        // TorchSharp would make zero gradients for unused outputs from copies it keeps in the current dispose scope,
        // which a model's own scope frees before backward runs; the backward below handles missing gradients itself.
        ctx.set_materialize_grads(false);
        return [hs.transpose(0, 1), hs[steps - 1].clone(), cs[steps - 1].clone()];
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grads)
    {
        // Autograd calls this outside any of our scopes; the scope frees the intermediates (dGates alone is seq·bs·4h
        // floats) now rather than at the next collection. libtorch copies the returned gradients, so their wrappers
        // leave the scope and only those are left to the finalizer.
        using var backwardScope = torch.NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (x, h0, c0, weightIh, weightHh, gates, hs, cs) = (saved[0], saved[1], saved[2], saved[3], saved[4], saved[5], saved[6], saved[7]);
        var steps = hs.shape[0];
        var hidden = weightHh.shape[1];
        // Outputs that did not reach the loss come without a gradient (the final state, usually).
        Tensor GradOr(int i, Tensor like) => grads[i] is { IsInvalid: false } g ? g : torch.zeros_like(like);
        var gradOutput = GradOr(0, hs.transpose(0, 1)).transpose(0, 1);   // (seq, bs, h)
        var dh = GradOr(1, h0).clone();
        var dc = GradOr(2, c0).clone();
        var dGates = torch.empty_like(gates);        // gradient of the gates' pre-activations
        for (var t = steps - 1; t >= 0; t--)
        {
            using var scope = torch.NewDisposeScope();
            var activations = gates[t];
            var input = activations.narrow(1, 0, hidden);
            var forget = activations.narrow(1, hidden, hidden);
            var cell = activations.narrow(1, 2 * hidden, hidden);
            var output = activations.narrow(1, 3 * hidden, hidden);
            var cPrev = t > 0 ? cs[t - 1] : c0;
            var tanhC = cs[t].tanh();
            var dhT = dh + gradOutput[t];
            var dcT = dc + dhT * output * (1 - tanhC * tanhC);
            var d = dGates[t];
            d.narrow(1, 0, hidden).copy_(dcT * cell * input * (1 - input));
            d.narrow(1, hidden, hidden).copy_(dcT * cPrev * forget * (1 - forget));
            d.narrow(1, 2 * hidden, hidden).copy_(dcT * input * (1 - cell * cell));
            d.narrow(1, 3 * hidden, hidden).copy_(dhT * tanhC * output * (1 - output));
            dh.copy_(NativeGuards.matmul(d, weightHh));
            dc.copy_(dcT * forget);
        }
        // One product over all steps for each weight: the previous hidden states are h0 then hs[0..seq-2].
        var flatGates = dGates.reshape(-1, dGates.shape[2]);                                     // (seq·bs, 4h)
        var hPrev = torch.cat([h0.unsqueeze(0), hs.narrow(0, 0, steps - 1)], 0).reshape(-1, hidden);
        var gradWeightHh = NativeGuards.matmul(flatGates.t(), hPrev);
        var xTimeMajor = x.transpose(0, 1).reshape(-1, x.shape[2]);
        var gradWeightIh = NativeGuards.matmul(flatGates.t(), xTimeMajor);
        var gradBias = flatGates.sum([0]);
        var gradX = NativeGuards.matmul(dGates, weightIh).transpose(0, 1);
        List<Tensor> gradients = [gradX, dh, dc, gradWeightIh, gradWeightHh, gradBias];
        foreach (var gradient in gradients) gradient.DetachFromDisposeScope();
        return gradients;
    }
}
