using TorchSharp;
using static TorchSharp.torch;
using System.Globalization;
using System.Text;

namespace NotebookDL.Display.Tensors;

/// <summary>
/// Prints tensors the way PyTorch's <c>torch/_tensor_str.py</c> does (precision 4, threshold 1000, edge items 3,
/// line width 80): fixed or scientific notation chosen from the range of the non-zero finite values, "1." for
/// integral floats, columns right-aligned to one width, "..." for summarised dimensions, then the dtype,
/// device, grad_fn and requires_grad suffixes. Parity tests compare this output with Python's <c>str(t)</c>.
/// </summary>
public sealed class TensorPrinter
{
    private const int Precision = 4;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int LineWidth = 80;

    private readonly long[] _shape;
    private readonly double[] _floats = [];
    private readonly long[] _ints = [];
    private readonly bool[] _bools = [];
    private readonly ScalarType _kind; // Float64 for floating, Int64 for integers, Bool
    private readonly bool _summarize;
    private bool _intMode = true;
    private bool _sciMode;
    private int _width = 1;

    private TensorPrinter(Tensor t)
    {
        _shape = t.shape;
        var dtype = t.dtype;
        _summarize = t.numel() > Threshold;
        if (is_floating_point(dtype))
        {
            _kind = ScalarType.Float64;
            _floats = dtype == ScalarType.Float64 ? t.ToArray<double>() : Array.ConvertAll(t.ToArray<float>(), v => (double)v);
        }
        else if (dtype == ScalarType.Bool)
        {
            _kind = ScalarType.Bool;
            _bools = t.ToArray<bool>();
        }
        else
        {
            _kind = ScalarType.Int64;
            _ints = t.ToArray<long>();
        }
        ChooseFormat();
    }

    public static string Print(Tensor t)
    {
        const string prefix = "tensor(";
        var suffixes = new List<string>();
        var device = t.device;
        if (device.type != DeviceType.CPU) suffixes.Add($"device='{device}'");
        string body;
        var dtype = t.dtype;
        if (t.numel() == 0)
        {
            if (t.ndim != 1) suffixes.Add("size=(" + string.Join(", ", t.shape) + ")");
            // No elements to infer int64 or bool from: PyTorch names every dtype but the default float32.
            if (dtype != ScalarType.Float32) suffixes.Add("dtype=torch." + dtype.TorchName());
            body = "[]";
        }
        else
        {
            var printer = new TensorPrinter(t);
            body = printer.Format(0, 0L, prefix.Length);
            if (dtype is not (ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool)) suffixes.Add("dtype=torch." + dtype.TorchName());
        }
        // PyTorch prints grad_fn=<...> for a computed tensor; TorchSharp 0.107 does not expose the autograd node's
        // name, so every tensor that takes part in autograd says requires_grad=True.
        if (t.requires_grad) suffixes.Add("requires_grad=True");
        return AddSuffixes(prefix + body, suffixes, prefix.Length);
    }

    private static string AddSuffixes(string text, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(text);
        var lastLineLength = text.Length - text.LastIndexOf('\n') + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLength = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    // ---- choosing the format from the (summarised) values, as _Formatter.__init__ ----

    private void ChooseFormat()
    {
        var visible = VisibleOffsets();
        if (_kind != ScalarType.Float64)
        {
            foreach (var i in visible) _width = Math.Max(_width, Raw(i).Length);
            return;
        }
        var finite = visible.Select(i => _floats[i]).Where(v => double.IsFinite(v) && v != 0).ToList();
        if (finite.Count == 0) return;
        var abs = finite.Select(Math.Abs).ToList();
        double min = abs.Min(), max = abs.Max();
        _intMode = finite.All(v => Math.Ceiling(v) == v);
        if (_intMode)
        {
            if (max / min > 1000 || max > 1e8)
            {
                _sciMode = true;
                foreach (var v in finite) _width = Math.Max(_width, Sci(v).Length);
            }
            else
            {
                foreach (var v in finite) _width = Math.Max(_width, Fixed(v, 0).Length + 1);
            }
        }
        else if (max / min > 1000 || max > 1e8 || min < 1e-4)
        {
            _sciMode = true;
            foreach (var v in finite) _width = Math.Max(_width, Sci(v).Length);
        }
        else
        {
            foreach (var v in finite) _width = Math.Max(_width, Fixed(v, Precision).Length);
        }
    }

    /// <summary>Flat offsets of the elements that will be printed (edge items only when summarising).</summary>
    private List<long> VisibleOffsets()
    {
        var result = new List<long>();
        Collect(0, 0, result);
        return result;
    }

    private void Collect(int dim, long offset, List<long> into)
    {
        if (dim == _shape.Length)
        {
            into.Add(offset);
            return;
        }
        var stride = RowStride(dim);
        foreach (var i in VisibleIndices(dim)) Collect(dim + 1, offset + i * stride, into);
    }

    private IEnumerable<long> VisibleIndices(int dim)
    {
        var size = _shape[dim];
        if (_summarize && size > 2 * EdgeItems)
        {
            for (long i = 0; i < EdgeItems; i++) yield return i;
            for (var i = size - EdgeItems; i < size; i++) yield return i;
        }
        else
        {
            for (long i = 0; i < size; i++) yield return i;
        }
    }

    private long RowStride(int dim)
    {
        long stride = 1;
        for (var d = dim + 1; d < _shape.Length; d++) stride *= _shape[d];
        return stride;
    }

    // ---- printing nested lists, as _tensor_str_with_formatter / _vector_str ----

    private string Format(int dim, long offset, int indent)
    {
        var rank = _shape.Length;
        if (rank == 0) return Element(0);
        if (dim == rank - 1) return Vector(offset, indent);
        var stride = RowStride(dim);
        var size = _shape[dim];
        var slices = new List<string>();
        if (_summarize && size > 2 * EdgeItems)
        {
            for (long i = 0; i < EdgeItems; i++) slices.Add(Format(dim + 1, offset + i * stride, indent + 1));
            slices.Add("...");
            for (var i = size - EdgeItems; i < size; i++) slices.Add(Format(dim + 1, offset + i * stride, indent + 1));
        }
        else
        {
            for (long i = 0; i < size; i++) slices.Add(Format(dim + 1, offset + i * stride, indent + 1));
        }
        var separator = "," + new string('\n', rank - dim - 1) + new string(' ', indent + 1);
        return "[" + string.Join(separator, slices) + "]";
    }

    private string Vector(long offset, int indent)
    {
        var elementLength = _width + 2;
        var perLine = Math.Max(1, (LineWidth - indent) / elementLength);
        var size = _shape[^1];
        var data = new List<string>();
        if (_summarize && size > 2 * EdgeItems)
        {
            for (long i = 0; i < EdgeItems; i++) data.Add(Element(offset + i));
            data.Add(" ...");
            for (var i = size - EdgeItems; i < size; i++) data.Add(Element(offset + i));
        }
        else
        {
            for (long i = 0; i < size; i++) data.Add(Element(offset + i));
        }
        var lines = data.Chunk(perLine).Select(line => string.Join(", ", line));
        return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
    }

    private string Element(long offset)
    {
        string text;
        if (_kind != ScalarType.Float64) text = Raw(offset);
        else
        {
            var v = _floats[offset];
            if (_sciMode) text = Sci(v);
            else if (_intMode) text = Fixed(v, 0) + (double.IsFinite(v) ? "." : "");
            else text = Fixed(v, Precision);
        }
        return text.Length >= _width ? text : new string(' ', _width - text.Length) + text;
    }

    private string Raw(long offset) => _kind == ScalarType.Bool
        ? (_bools[offset] ? "True" : "False")
        : _ints[offset].ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double v, int decimals)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        return v.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    // Python's "{:.4e}": mantissa with 4 decimals, exponent with sign and at least two digits.
    private static string Sci(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        return v.ToString("0.0000e+00", CultureInfo.InvariantCulture);
    }
}
