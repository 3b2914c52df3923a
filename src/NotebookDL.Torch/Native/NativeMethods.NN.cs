using System.Runtime.InteropServices;

namespace NotebookDL.Torch.Native;

// torch.nn ops (nn.cpp, rnn.cpp). Optional tensors are passed as IntPtr.Zero.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_conv1d(TensorHandle x, TensorHandle w, IntPtr b, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_conv2d(TensorHandle x, TensorHandle w, IntPtr b, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_conv_transpose2d(TensorHandle x, TensorHandle w, IntPtr b, long* stride, long* padding, long* outputPadding, long groups, long* dilation);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_batch_norm(TensorHandle x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_layer_norm(TensorHandle x, long* shape, int ndim, IntPtr weight, IntPtr bias, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_dropout(TensorHandle x, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_feature_dropout(TensorHandle x, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_embedding(TensorHandle weight, TensorHandle indices, long paddingIdx);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_one_hot(TensorHandle t, long numClasses);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_max_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_avg_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, int ceilMode, int countIncludePad, long divisorOverride);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_adaptive_avg_pool2d(TensorHandle x, long* outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_adaptive_max_pool2d(TensorHandle x, long* outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_cross_entropy(TensorHandle input, TensorHandle target, IntPtr weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_nll_loss(TensorHandle input, TensorHandle target, IntPtr weight, int reduction, long ignoreIndex);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_mse_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_l1_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_binary_cross_entropy(TensorHandle input, TensorHandle target, IntPtr weight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_binary_cross_entropy_with_logits(TensorHandle input, TensorHandle target, IntPtr weight, IntPtr posWeight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_pad(TensorHandle x, long* pad, int npad, int mode, double value);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_interpolate2d(TensorHandle x, long* size, int nsize, double* scale, int nscale, int mode, int alignCorners);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_grid_sample(TensorHandle x, TensorHandle grid, int interpolation, int padding, int alignCorners);
    [LibraryImport(Lib)] internal static partial IntPtr nbdl_nn_affine_grid(TensorHandle theta, long* size, int nsize, int alignCorners);
    [LibraryImport(Lib)] internal static partial int nbdl_nn_set_data(TensorHandle t, TensorHandle data);
    [LibraryImport(Lib)] internal static partial int nbdl_nn_lstm(TensorHandle input, TensorHandle h0, TensorHandle c0, IntPtr* parameters, int nparams, int hasBiases, long numLayers, double dropout, int train, int bidirectional, int batchFirst, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int nbdl_nn_gru(TensorHandle input, TensorHandle h0, IntPtr* parameters, int nparams, int hasBiases, long numLayers, double dropout, int train, int bidirectional, int batchFirst, IntPtr* output);
}
