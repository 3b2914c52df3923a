using static TorchSharp.torch;

namespace NotebookDL.Display.Tensors;

/// <summary>PyTorch's dtype names (TorchSharp's <see cref="ScalarType"/> prints as <c>Float32</c>, PyTorch as <c>float32</c>).</summary>
public static class DTypeNames
{
    /// <summary>PyTorch's name, as printed in <c>dtype=torch.float64</c>.</summary>
    public static string TorchName(this ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Int8 => "int8",
        ScalarType.Int16 => "int16",
        ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64",
        ScalarType.Float16 => "float16",
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Bool => "bool",
        ScalarType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
