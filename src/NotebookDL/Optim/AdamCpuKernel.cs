using System.Numerics;
using System.Runtime.InteropServices;

namespace NotebookDL.Optim;

/// <summary>
/// Adam's update for one parameter in a single pass over its memory, for contiguous float32 tensors on the CPU.
/// The tensor-op form reads and writes the parameter, gradient and both averages about nine times (mul_, add_, mul_,
/// addcmul_, sqrt, div_, add_, addcdiv_), each a native call that costs as much as the arithmetic on a small tensor;
/// here each element is read once and written once, and the step count is read and written in place. Measured on the
/// tabular MLP's six parameters (48,601 floats, one thread, tests/Benchmarks adamw_step): 150 us with tensor ops,
/// 44 us here; PyTorch 1.13's single-tensor AdamW 126 us in the same run. The arithmetic is PyTorch's, in float32 and
/// in its order (sqrt(v) times 1/sqrt(bc2) where PyTorch divides), so results agree to rounding (the parity tests).
/// Writing through memory does not bump autograd's version counters: a graph kept with retain_graph across a step
/// is not told its saved parameters changed (PyTorch's in-place ops would make its next backward fail).
/// </summary>
internal static class AdamCpuKernel
{
    /// <summary>
    /// True when every tensor is a contiguous float32 CPU tensor of the same size that a span can hold, and the step
    /// count a float32 CPU scalar (PyTorch's layout).
    /// </summary>
    public static bool Applies(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor step)
    {
        if (step.dtype != ScalarType.Float32 || step.device_type != DeviceType.CPU || step.numel() != 1) return false;
        var n = param.numel();
        if (n * sizeof(float) > int.MaxValue) return false;
        foreach (var t in (ReadOnlySpan<Tensor>)[param, grad, expAvg, expAvgSq])
            if (t.dtype != ScalarType.Float32 || t.device_type != DeviceType.CPU || !t.is_contiguous() || t.numel() != n)
                return false;
        return true;
    }

    /// <summary>Adds one to the step count in place and returns it, without a native call per operation.</summary>
    public static double IncrementStep(Tensor step)
    {
        ref var count = ref Floats(step)[0];
        count += 1;
        return count;
    }

    /// <summary>
    /// One update: p *= decay (AdamW: 1 - lr*wd, else 1); g += l2*p (Adam's coupled decay, else 0); the averages;
    /// p -= stepSize * m / (sqrt(v)/biasCorrection2Sqrt + eps), with stepSize = lr/(1 - beta1^t) and
    /// biasCorrection2Sqrt = sqrt(1 - beta2^t).
    /// </summary>
    public static void Step(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq,
        double decay, double l2, double beta1, double beta2, double stepSize, double biasCorrection2Sqrt, double eps)
    {
        var c = new Coefficients
        {
            Decay = (float)decay, L2 = (float)l2, Beta1 = (float)beta1, OneMinusBeta1 = (float)(1 - beta1),
            Beta2 = (float)beta2, OneMinusBeta2 = (float)(1 - beta2), Eps = (float)eps,
            InvBiasCorrection2Sqrt = (float)(1 / biasCorrection2Sqrt), NegStepSize = (float)-stepSize,
        };
        // One thread: splitting ResNet-18's larger tensors over both cores measured no faster (116 vs 115 ms a step);
        // the pass is bound by memory, not arithmetic.
        Update(Floats(param), Floats(grad), Floats(expAvg), Floats(expAvgSq), c);
    }

    private static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);

    private readonly struct Coefficients
    {
        public float Decay { get; init; }
        public float L2 { get; init; }
        public float Beta1 { get; init; }
        public float OneMinusBeta1 { get; init; }
        public float Beta2 { get; init; }
        public float OneMinusBeta2 { get; init; }
        public float Eps { get; init; }
        public float InvBiasCorrection2Sqrt { get; init; }
        public float NegStepSize { get; init; }
    }

    private static void Update(Span<float> p, Span<float> g, Span<float> m, Span<float> v, in Coefficients c)
    {
        float fDecay = c.Decay, fL2 = c.L2, b1 = c.Beta1, oneMinusB1 = c.OneMinusBeta1;
        float b2 = c.Beta2, oneMinusB2 = c.OneMinusBeta2, fEps = c.Eps;
        float invBc2Sqrt = c.InvBiasCorrection2Sqrt, negStepSize = c.NegStepSize;

        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vp = MemoryMarshal.Cast<float, Vector<float>>(p);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(g);
            var vm = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            for (var k = 0; k < vp.Length; k++)
            {
                var pk = vp[k] * fDecay;
                var gk = fL2 == 0 ? vg[k] : vg[k] + pk * fL2;
                var mk = vm[k] * b1 + gk * oneMinusB1;
                var vk = vv[k] * b2 + gk * gk * oneMinusB2;
                var denom = Vector.SquareRoot(vk) * invBc2Sqrt + new Vector<float>(fEps);
                vm[k] = mk;
                vv[k] = vk;
                vp[k] = pk + mk / denom * negStepSize;
            }
            i = vp.Length * Vector<float>.Count;
        }
        for (; i < p.Length; i++)
        {
            var pk = p[i] * fDecay;
            var gk = fL2 == 0 ? g[i] : g[i] + pk * fL2;
            var mk = m[i] * b1 + gk * oneMinusB1;
            var vk = v[i] * b2 + gk * gk * oneMinusB2;
            var denom = MathF.Sqrt(vk) * invBc2Sqrt + fEps;
            m[i] = mk;
            v[i] = vk;
            p[i] = pk + mk / denom * negStepSize;
        }
    }
}
