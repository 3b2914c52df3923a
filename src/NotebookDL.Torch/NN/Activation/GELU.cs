namespace NotebookDL.Torch.Modules
{
    /// <summary>Gaussian error linear unit, x·Φ(x) (approximate "tanh" uses the tanh formula). Element-wise: any shape → same shape.</summary>
    public sealed class GELU(string approximate = "none") : Module<Tensor, Tensor>
    {
        public string approximate { get; } = approximate is "none" or "tanh" ? approximate
            : throw new ArgumentException($"GELU approximate must be \"none\" or \"tanh\", got \"{approximate}\".", nameof(approximate));

        public override Tensor forward(Tensor input) => torch.nn.functional.gelu(input, approximate);

        public override string extra_repr() => $"approximate='{approximate}'";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Gaussian error linear unit, x·Φ(x) (approximate "tanh" uses the tanh formula).</summary>
            public static Modules.GELU GELU(string approximate = "none") => new(approximate);
        }
    }
}
