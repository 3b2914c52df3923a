namespace NotebookDL.Torch.Modules;

public abstract partial class Module
{
    /// <summary>
    /// An uninitialised float tensor for a parameter slot (layers fill it in <c>reset_parameters</c>).
    /// Created with requires_grad; the init functions run under no_grad.
    /// </summary>
    protected static Tensor NewParameter(long[] shape, ScalarType? dtype = null, Device? device = null) =>
        torch.empty(shape, dtype, device, requires_grad: true);

    /// <summary>Throws when a size argument of a layer is not positive, naming it.</summary>
    protected static long Positive(long value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
