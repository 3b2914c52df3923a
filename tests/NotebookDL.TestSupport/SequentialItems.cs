using TorchSharp.Modules;

namespace NotebookDL.TestSupport;

/// <summary>
/// TorchSharp's <c>Sequential[i]</c> is an <c>IModule&lt;Tensor, Tensor&gt;</c>, which has no parameters() or modules();
/// tests that pick layers out of a Sequential read them as modules through this.
/// </summary>
public static class SequentialItems
{
    public static nn.Module<Tensor, Tensor> At(this Sequential s, int index) => (nn.Module<Tensor, Tensor>)s[index];
}
