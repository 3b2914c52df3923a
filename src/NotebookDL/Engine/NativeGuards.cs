using TorchSharp;
using static TorchSharp.torch;

namespace NotebookDL.Engine;

/// <summary>
/// TorchSharp operations whose native entry point ends the process on bad input, made to throw instead.
/// </summary>
/// <remarks>
/// TorchSharp's C entry points catch libtorch's C++ exceptions and hand them to .NET; the ones listed here do not
/// (TorchSharp 0.107's <c>THSTensor_matmul</c> has no catch, so <c>ones(2, 3).matmul(ones(2, 3))</c> aborts the
/// process and a notebook loses every variable). Each guard checks in managed code exactly what libtorch would refuse,
/// throws an <see cref="ArgumentException"/> that names the operation and the shapes, and otherwise calls TorchSharp.
/// The list is found, not guessed: tests/NativeAudit calls every public torch, Tensor and nn.functional operation with
/// bad arguments, each in a child process, and fails CI when an aborting operation has no guard here.
/// Users' cells get the guards without writing them: both notebook hosts rewrite calls of the guarded TorchSharp
/// methods to these (NotebookDL.Hosting's GuardRewriter), and NotebookDL's own code calls them directly.
/// A guard has the TorchSharp method's name and its parameters, with an instance method's receiver first.
/// </remarks>
public static partial class NativeGuards
{
    /// <summary><c>input.matmul(other)</c> (and <c>torch.matmul</c>) that throws where libtorch would abort.</summary>
    /// <exception cref="ArgumentException">The shapes, dtypes, devices or layouts do not allow a matrix product.</exception>
    public static Tensor matmul(Tensor input, Tensor other)
    {
        CheckMatmul(input, other);
        return input.matmul(other);
    }

    internal static void CheckMatmul(Tensor input, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(other);
        var a = input.shape;
        var b = other.shape;
        string Operands() => $"{ShapeText(a)} @ {ShapeText(b)}";
        if (a.Length == 0 || b.Length == 0)
            throw new ArgumentException($"matmul: {Operands()}: both arguments need at least 1 dimension, got {a.Length} and {b.Length}.");
        if (input.device_type != other.device_type || input.device_index != other.device_index) // Device compares by reference
            throw new ArgumentException($"matmul: {Operands()}: expected both tensors on the same device, got {input.device} and {other.device}.");
        if (input.dtype != other.dtype)
            throw new ArgumentException($"matmul: {Operands()}: expected both tensors to have the same dtype, got {input.dtype} and {other.dtype}.");
        if (input.dtype == ScalarType.Bool)
            throw new ArgumentException($"matmul: {Operands()}: not implemented for Bool tensors; convert them with .to(float32) first.");
        if (input.is_sparse || other.is_sparse)
            throw new ArgumentException($"matmul: {Operands()}: sparse tensors are not supported here; use torch.sparse operations or .to_dense().");
        // The contracted dimension: the last of input against the first of a vector, or the second-to-last of a matrix.
        var inner = a[^1];
        var otherInner = b.Length == 1 ? b[0] : b[^2];
        if (inner != otherInner)
            throw new ArgumentException($"matmul: {Operands()}: inner sizes {inner} and {otherInner} differ.");
        // Batch dimensions (all but the matrix dimensions) broadcast.
        var batchA = a.Length > 2 ? a[..^2] : [];
        var batchB = b.Length > 2 ? b[..^2] : [];
        for (int i = 1; i <= Math.Min(batchA.Length, batchB.Length); i++)
        {
            long x = batchA[^i], y = batchB[^i];
            if (x != y && x != 1 && y != 1)
                throw new ArgumentException($"matmul: {Operands()}: batch dimensions {ShapeText(batchA)} and {ShapeText(batchB)} do not broadcast.");
        }
    }

    /// <summary><c>input.cummax(dim)</c> / <c>torch.cummax</c>: a dim out of range throws instead of aborting.</summary>
    public static (Tensor values, Tensor indexes) cummax(Tensor input, long dim)
    {
        CheckReductionDim("cummax", input, dim);
        return input.cummax(dim);
    }

    /// <summary><c>input.cummin(dim)</c> / <c>torch.cummin</c>: a dim out of range throws instead of aborting.</summary>
    public static (Tensor values, Tensor indexes) cummin(Tensor input, long dim)
    {
        CheckReductionDim("cummin", input, dim);
        return input.cummin(dim);
    }

    /// <summary>TorchSharp 0.107's <c>cross(Scalar, dim)</c> hands the Scalar to native code as a tensor and crashes the
    /// process; PyTorch has no cross product with a scalar either.</summary>
    /// <exception cref="ArgumentException">Always.</exception>
    public static Tensor cross(Tensor input, Scalar other, long dim) =>
        throw new ArgumentException($"cross: {ShapeText(input.shape)} x scalar: the other operand must be a tensor of 3-vectors, " +
                                    "as in torch.linalg.cross(input, other, dim).");

    /// <summary><c>input.align_as(other)</c>: TorchSharp passes an unnamed tensor's names (all null) to native code, which
    /// crashes; here both tensors must have every dimension named, as PyTorch requires.</summary>
    public static Tensor align_as(Tensor input, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(other);
        if (!input.has_names() || input.names.Any(n => n is null) || !other.has_names() || other.names.Any(n => n is null))
            throw new ArgumentException($"align_as: {ShapeText(input.shape)} to {ShapeText(other.shape)}: every dimension of both " +
                                        "tensors must be named (rename them first with .rename(...)).");
        var missing = input.names.Except(other.names).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"align_as: dimension names {string.Join(", ", missing)} of the input are not in the other tensor's names ({string.Join(", ", other.names)}).");
        return input.align_as(other);
    }

    /// <summary><c>out.rand_out(sizes)</c> / <c>torch.rand_out</c>: fills <paramref name="input"/> (whose shape must be
    /// <paramref name="sizes"/>) from U[0, 1), as <c>torch.rand(sizes, out=input)</c>. TorchSharp 0.107's
    /// own call crashes the process on any input (its native signature has a generator argument the call omits), and
    /// <c>torch.rand_out</c> calls <c>randn_out</c>.</summary>
    public static Tensor rand_out(Tensor input, params long[] sizes)
    {
        ResizeForOut("rand_out", input, sizes);
        return input.uniform_(0, 1);
    }

    /// <summary><c>out.randn_out(sizes)</c>: fills from N(0, 1), as <c>torch.randn(sizes, out=input)</c>
    /// (TorchSharp 0.107's own call crashes the process on any input).</summary>
    public static Tensor randn_out(Tensor input, params long[] sizes)
    {
        ResizeForOut("randn_out", input, sizes);
        return input.normal_(0, 1);
    }

    /// <summary><c>out.randint_out(high, sizes)</c>: fills with integers in [0, high), as
    /// <c>torch.randint(high, sizes, out=input)</c> (TorchSharp 0.107's own call crashes the process on any input).</summary>
    public static Tensor randint_out(Tensor input, long high, long[] sizes)
    {
        if (high <= 0) throw new ArgumentException($"randint_out: high must be positive (the range is [0, high)), got {high}.", nameof(high));
        ResizeForOut("randint_out", input, sizes);
        return input.random_(0, high);
    }

    /// <summary><c>torch.set_num_threads</c>: libtorch aborts on a count below 1.</summary>
    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), num, $"set_num_threads: expected a positive number of threads, got {num}.");
        ThreadPolicy.Fix(num); // the user's choice: the adaptive policy stops
        torch.set_num_threads(num);
    }

    /// <summary>The adaptive <see cref="ThreadPolicy"/>'s own change of the thread count (checked, but not a user's choice).</summary>
    internal static void ApplyThreads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), num, $"set_num_threads: expected a positive number of threads, got {num}.");
        torch.set_num_threads(num);
    }

    private static int interopThreadsSet;

    /// <summary><c>torch.set_num_interop_threads</c>: libtorch aborts on a count below 1 and on any call after the first
    /// (or after inter-op parallel work started, which only TorchScript's fork does, and which this guard cannot see).</summary>
    public static void set_num_interop_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), num, $"set_num_interop_threads: expected a positive number of threads, got {num}.");
        if (Interlocked.Exchange(ref interopThreadsSet, 1) == 1)
            throw new InvalidOperationException("set_num_interop_threads: libtorch allows it once per process, before inter-op parallel work starts; it was already called.");
        torch.set_num_interop_threads(num);
    }

    /// <summary><c>torch.set_rng_state</c> / <c>torch.random.set_rng_state</c>: the state must be a uint8 CPU tensor
    /// of the size <c>get_rng_state()</c> returns; libtorch aborts on anything else.</summary>
    public static void set_rng_state(Tensor new_state)
    {
        ArgumentNullException.ThrowIfNull(new_state);
        using var current = torch.get_rng_state();
        if (new_state.dtype != ScalarType.Byte || new_state.device_type != DeviceType.CPU || new_state.ndim != 1 || new_state.numel() != current.numel())
            throw new ArgumentException($"set_rng_state: expected a 1-d uint8 CPU tensor of {current.numel()} bytes (as get_rng_state() returns), " +
                                        $"got {new_state.dtype} {ShapeText(new_state.shape)} on {new_state.device}.", nameof(new_state));
        torch.set_rng_state(new_state);
    }

    /// <summary><c>nn.functional.lp_pool2d</c> with size arrays: libtorch aborts unless they have 2 values.</summary>
    public static Tensor lp_pool2d(Tensor input, double norm_type, long[] kernel_size, long[]? stride = null, bool ceil_mode = false)
    {
        CheckSizes("lp_pool2d", 2, (nameof(kernel_size), kernel_size, false), (nameof(stride), stride, true));
        return nn.functional.lp_pool2d(input, norm_type, kernel_size, stride!, ceil_mode);
    }

    /// <summary><c>nn.functional.max_unpool2d</c>: libtorch aborts unless each size array has 2 values.</summary>
    public static Tensor max_unpool2d(Tensor input, Tensor indices, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? output_size = null)
    {
        CheckSizes("max_unpool2d", 2, (nameof(kernel_size), kernel_size, false), (nameof(stride), stride, true),
                   (nameof(padding), padding, true), (nameof(output_size), output_size, true));
        return nn.functional.max_unpool2d(input, indices, kernel_size, stride!, padding!, output_size!);
    }

    /// <summary><c>nn.functional.max_unpool3d</c>: libtorch aborts unless each size array has 3 values.</summary>
    public static Tensor max_unpool3d(Tensor input, Tensor indices, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? output_size = null)
    {
        CheckSizes("max_unpool3d", 3, (nameof(kernel_size), kernel_size, false), (nameof(stride), stride, true),
                   (nameof(padding), padding, true), (nameof(output_size), output_size, true));
        return nn.functional.max_unpool3d(input, indices, kernel_size, stride!, padding!, output_size!);
    }

    private static void CheckReductionDim(string op, Tensor input, long dim)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.ndim;
        var ok = n == 0 ? dim is -1 or 0 : dim >= -n && dim < n;
        if (!ok)
            throw new ArgumentOutOfRangeException(nameof(dim), dim,
                $"{op}: {ShapeText(input.shape)}: dim {dim} is out of range (expected {(n == 0 ? "-1 or 0 for a 0-d tensor" : $"{-n} to {n - 1}")}).");
    }

    private static void ResizeForOut(string op, Tensor input, long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Any(s => s < 0)) throw new ArgumentException($"{op}: sizes must not be negative, got {ShapeText(sizes)}.", nameof(sizes));
        if (input.dtype == ScalarType.Bool && op != "randint_out")
            throw new ArgumentException($"{op}: the out tensor must be floating point, got {input.dtype}.", nameof(input));
        // PyTorch would resize out; TorchSharp has no resize_, so the shapes must agree.
        if (!input.shape.SequenceEqual(sizes))
            throw new ArgumentException($"{op}: out has shape {ShapeText(input.shape)} but sizes are {ShapeText(sizes)}; " +
                                        "make out with torch.empty(sizes) first.", nameof(sizes));
    }

    private static void CheckSizes(string op, int count, params (string Name, long[]? Values, bool Optional)[] arrays)
    {
        foreach (var (name, values, optional) in arrays)
        {
            if (values is null || values.Length == 0)
            {
                if (optional) continue;
                throw new ArgumentException($"{op}: {name} needs {count} values, got none.", name);
            }
            if (values.Length != count)
                throw new ArgumentException($"{op}: {name} needs {count} values, got {values.Length} ({ShapeText(values)}).", name);
        }
    }

    /// <summary>A shape as PyTorch users read it in messages: <c>(2x3)</c>, <c>()</c> for a scalar.</summary>
    public static string ShapeText(long[] shape) => "(" + string.Join("x", shape) + ")";
}
