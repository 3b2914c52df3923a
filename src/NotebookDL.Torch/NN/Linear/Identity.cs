namespace NotebookDL.Torch.Modules
{
    /// <summary>Returns its input unchanged (a placeholder, e.g. for a removed head).</summary>
    public sealed class Identity : Module<Tensor, Tensor>
    {
        public override Tensor forward(Tensor input) => input;
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Identity Identity() => new();
        }
    }
}
