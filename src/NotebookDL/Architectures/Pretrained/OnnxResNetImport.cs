using System.Text;
using NotebookDL.Serialization.Onnx;

namespace NotebookDL.Architectures;

/// <summary>
/// Copies an ONNX ResNet's weights (BasicBlocks, exported by any framework) onto our <see cref="ResNetModel"/>, found by the
/// graph's structure rather than by names (exporters name tensors "Parameter91", "Constant98"): the stem is the first
/// convolution and the batch norm that reads it; every residual block is an Add whose one input comes from a 3x3
/// convolution's batch norm (conv2, read back through a ReLU to bn1 and conv1) and whose other input is a 1x1
/// convolution's batch norm (the downsample) or the block's input. Blocks are taken in graph order and must match our
/// stages' block counts; every tensor's shape must match, or the import fails naming both sides.
/// </summary>
public static class OnnxResNetImport
{
    /// <summary>
    /// A ResNet of BasicBlocks with <paramref name="layers"/> blocks per stage, carrying the convolution and batch-norm
    /// weights of <paramref name="model"/>. The classifier (fc, <paramref name="numClasses"/> outputs) keeps its random
    /// initialisation: feature extractors have none. With <paramref name="mapping"/>, each copy is written as
    /// "our key &lt;- ONNX tensor [shape]".
    /// </summary>
    public static ResNetModel Load(OnnxModel model, IReadOnlyList<int> layers, long numClasses = 1000, StringBuilder? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = new GraphIndex(model);
        var resnet = new ResNetModel(ResNetBlockKind.Basic, layers, numClasses);
        try
        {
            using var noGrad = torch.no_grad();
            var stem = graph.Convs.FirstOrDefault() ?? throw new ArgumentException("The ONNX graph has no convolution.");
            graph.CopyConv(stem, resnet.conv1, "conv1", mapping);
            graph.CopyBatchNorm(graph.BatchNormAfter(stem), resnet.bn1, "bn1", mapping);

            var ours = new[] { resnet.layer1, resnet.layer2, resnet.layer3, resnet.layer4 }
                .SelectMany((stage, s) => stage.children().Cast<BasicBlock>().Select((block, b) => (Block: block, Key: $"layer{s + 1}.{b}")))
                .ToList();
            var adds = model.Nodes.Where(n => n.OpType == "Add").ToList();
            if (adds.Count != ours.Count)
                throw new ArgumentException($"The ONNX graph has {adds.Count} residual additions; a ResNet with blocks [{string.Join(", ", layers)}] has {ours.Count}.");
            for (var i = 0; i < adds.Count; i++)
            {
                var (block, key) = ours[i];
                var (conv1, conv2, downsample) = graph.Block(adds[i]);
                graph.CopyConv(conv1, block.conv1, $"{key}.conv1", mapping);
                graph.CopyBatchNorm(graph.BatchNormAfter(conv1), block.bn1, $"{key}.bn1", mapping);
                graph.CopyConv(conv2, block.conv2, $"{key}.conv2", mapping);
                graph.CopyBatchNorm(graph.BatchNormAfter(conv2), block.bn2, $"{key}.bn2", mapping);
                if ((downsample is null) != (block.downsample is null))
                    throw new ArgumentException($"Block {i} ({key}): the ONNX block {(downsample is null ? "has no" : "has a")} downsample, ours {(block.downsample is null ? "has none" : "has one")}.");
                if (downsample is not null)
                {
                    graph.CopyConv(downsample, (Convolution)block.downsample![0], $"{key}.downsample.0", mapping);
                    graph.CopyBatchNorm(graph.BatchNormAfter(downsample), (BatchNorm2d)block.downsample[1], $"{key}.downsample.1", mapping);
                }
            }
            var convCount = graph.Convs.Count;
            var used = 1 + ours.Count * 2 + ours.Count(o => o.Block.downsample is not null);
            if (convCount != used) throw new ArgumentException($"The ONNX graph has {convCount} convolutions; the blocks account for {used}.");
            return resnet;
        }
        catch
        {
            resnet.Dispose();
            throw;
        }
    }

    /// <summary>The graph's nodes by the values they produce, and the checks of a copy.</summary>
    private sealed class GraphIndex
    {
        private readonly OnnxModel _model;
        private readonly Dictionary<string, OnnxNode> _producer = new();
        private readonly Dictionary<string, OnnxNode> _consumerBatchNorm = new();

        public GraphIndex(OnnxModel model)
        {
            _model = model;
            foreach (var node in model.Nodes)
            {
                foreach (var output in node.Outputs) _producer[output] = node;
                if (node.OpType == "BatchNormalization") _consumerBatchNorm[node.Inputs[0]] = node;
            }
            Convs = model.Nodes.Where(n => n.OpType == "Conv").ToList();
        }

        public List<OnnxNode> Convs { get; }

        public OnnxNode BatchNormAfter(OnnxNode conv) =>
            _consumerBatchNorm.TryGetValue(conv.Outputs[0], out var bn) ? bn
                : throw new ArgumentException($"ONNX convolution '{conv.Name}' is not followed by a batch norm.");

        private OnnxNode? Producer(string value, string opType) =>
            _producer.TryGetValue(value, out var node) && node.OpType == opType ? node : null;

        private OnnxNode? ConvBefore(OnnxNode? batchNorm) => batchNorm is null ? null : Producer(batchNorm.Inputs[0], "Conv");

        /// <summary>conv1, conv2 and the downsample (or null) of the block that ends in <paramref name="add"/>.</summary>
        public (OnnxNode Conv1, OnnxNode Conv2, OnnxNode? Downsample) Block(OnnxNode add)
        {
            OnnxNode? conv2 = null, downsample = null;
            foreach (var input in add.Inputs)
            {
                var conv = ConvBefore(Producer(input, "BatchNormalization"));
                if (conv is null) continue;   // the identity shortcut
                if (KernelOf(conv) == 1) downsample = conv;
                else conv2 = conv;
            }
            if (conv2 is null) throw new ArgumentException($"ONNX addition '{add.Name}' has no convolution branch: not a residual block.");
            var relu = Producer(conv2.Inputs[0], "Relu") ?? throw new ArgumentException($"ONNX convolution '{conv2.Name}' does not read a ReLU: not a BasicBlock.");
            var conv1 = ConvBefore(Producer(relu.Inputs[0], "BatchNormalization"))
                ?? throw new ArgumentException($"The ReLU before '{conv2.Name}' does not read a convolution's batch norm: not a BasicBlock.");
            return (conv1, conv2, downsample);
        }

        private long KernelOf(OnnxNode conv) => Tensor(conv.Inputs[1]).Dims[^1];

        private OnnxTensor Tensor(string name) =>
            _model.Initializers.TryGetValue(name, out var t) ? t : throw new ArgumentException($"ONNX value '{name}' is not a constant tensor in the file.");

        public void CopyConv(OnnxNode conv, Convolution ours, string key, StringBuilder? mapping)
        {
            if (conv.Inputs.Count > 2) throw new ArgumentException($"ONNX convolution '{conv.Name}' has a bias; ours ({key}) has none.");
            if (conv.Int("group", 1) != 1) throw new ArgumentException($"ONNX convolution '{conv.Name}' is grouped; {key} is not.");
            var stride = conv.Ints("strides", [1, 1]);
            if (stride[0] != ours.stride![0] || stride[1] != ours.stride[1])
                throw new ArgumentException($"ONNX convolution '{conv.Name}' has stride [{string.Join(", ", stride)}]; {key} has [{string.Join(", ", ours.stride)}].");
            Copy(Tensor(conv.Inputs[1]), ours.weight!, $"{key}.weight", mapping);
        }

        public void CopyBatchNorm(OnnxNode bn, BatchNorm2d ours, string key, StringBuilder? mapping)
        {
            var epsilon = bn.Attributes.TryGetValue("epsilon", out var e) && e.Float is { } f ? f : 1e-5f;
            if (Math.Abs(epsilon - ours.eps) > 1e-9) throw new ArgumentException($"ONNX batch norm '{bn.Name}' has epsilon {epsilon}; {key} has {ours.eps}.");
            // ONNX's BatchNormalization inputs: X, scale, B, mean, var.
            Copy(Tensor(bn.Inputs[1]), ours.weight!, $"{key}.weight", mapping);
            Copy(Tensor(bn.Inputs[2]), ours.bias!, $"{key}.bias", mapping);
            Copy(Tensor(bn.Inputs[3]), ours.running_mean!, $"{key}.running_mean", mapping);
            Copy(Tensor(bn.Inputs[4]), ours.running_var!, $"{key}.running_var", mapping);
        }

        private static void Copy(OnnxTensor source, Tensor target, string key, StringBuilder? mapping)
        {
            if (source.DataType != OnnxTensor.Float || source.Floats is null)
                throw new ArgumentException($"ONNX tensor {source} is not float32; {key} is.");
            if (!source.Dims.SequenceEqual(target.shape))
                throw new ArgumentException($"Shape mismatch: ONNX {source} does not fit {key} [{string.Join(", ", target.shape)}].");
            using var values = torch.tensor(source.Floats, source.Dims);
            target.copy_(values);
            mapping?.AppendLine($"{key} <- {source}");
        }
    }
}
