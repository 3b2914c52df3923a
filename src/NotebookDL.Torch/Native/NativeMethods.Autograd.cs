using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_requires_grad_(TensorHandle t, int flag);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_retain_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int nbdl_tensor_backward(TensorHandle t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int nbdl_autograd_grad(IntPtr* outputs, int nOutputs, IntPtr* inputs, int nInputs, IntPtr* gradOutputs, int nGradOutputs, int retainGraph, int createGraph, int allowUnused, IntPtr** output);
}
