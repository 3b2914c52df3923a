namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Fully connected layer y = x Wᵀ + b: (*, in_features) → (*, out_features). Parameters weight (out, in) and
    /// bias (out), initialised as PyTorch: kaiming_uniform_(a: √5), i.e. U(±1/√in), for both.
    /// </summary>
    public sealed class Linear : Module<Tensor, Tensor>
    {
        public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
        {
            this.in_features = in_features >= 0 ? in_features : throw new ArgumentOutOfRangeException(nameof(in_features), in_features, "in_features must be >= 0.");
            this.out_features = out_features >= 0 ? out_features : throw new ArgumentOutOfRangeException(nameof(out_features), out_features, "out_features must be >= 0.");
            register_parameter("weight", NewParameter([out_features, in_features], dtype, device));
            register_parameter("bias", bias ? NewParameter([out_features], dtype, device) : null);
            reset_parameters();
        }

        public long in_features { get; }

        public long out_features { get; }

        public Tensor weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }

        public Tensor? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

        /// <summary>Re-draws the weights with PyTorch's default initialisation.</summary>
        public void reset_parameters()
        {
            torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
            if (bias is { } b)
            {
                var bound = in_features > 0 ? 1 / Math.Sqrt(in_features) : 0;
                torch.nn.init.uniform_(b, -bound, bound);
            }
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);

        public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={Py(bias is not null)}";
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer (*, in_features) → (*, out_features).</summary>
            public static Modules.Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_features, out_features, bias, device, dtype);
        }
    }
}
