using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace NativeAudit;

/// <summary>One call to try: a public TorchSharp method and the bad arguments of one profile.</summary>
internal sealed record AuditCase(string Method, string Profile, MethodInfo Info, Func<object?[]> Arguments);

/// <summary>
/// Every public static method of torch, torch.nn.functional, torch.linalg, torch.special and torch.fft, and every public
/// instance method of Tensor, each called with the argument profiles below: arguments that are wrong the way user code
/// gets them wrong (shapes that do not fit, dims and indices out of range, dtypes and devices that differ, empty and
/// 0-d tensors). The list is deterministic, so a child process restarted after an abort resumes at the next case.
/// </summary>
internal static class AuditCases
{
    /// <summary>Names never called: they change the process for every later case or do not return.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "Dispose", "DisposeHandle", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "Equals", "ReferenceEquals",
        "set_default_device", "set_default_dtype", "set_printoptions", "use_deterministic_algorithms",
        "MoveToOuterDisposeScope", "MoveToOtherDisposeScope", "DetachFromDisposeScope", "WrappedTensorDisposeScope",
        "NewDisposeScope", "load", "save", "from_file", "InitializeDeviceType", "TryInitializeDeviceType",
        "load_state", "save_state",
    };

    public static readonly string[] Profiles = ["shapes", "same-shape", "dtypes", "zero-dim", "empty", "devices"];

    public static IReadOnlyList<AuditCase> All()
    {
        (Type Type, string Prefix, bool Instance)[] owners = new (Type Type, string Prefix, bool Instance)[]
        {
            (typeof(Tensor), "Tensor.", true),
            (typeof(torch), "torch.", false),
            (typeof(nn.functional), "torch.nn.functional.", false),
            (typeof(linalg), "torch.linalg.", false),
            (typeof(special), "torch.special.", false),
            (typeof(fft), "torch.fft.", false),
            (typeof(torch.random), "torch.random.", false),
        };
        // Extension methods on Tensor and Scalar (conversions such as ToInt32, which overflow natively).
        foreach (var ext in typeof(torch).Assembly.GetExportedTypes()
                     .Where(t => t.IsAbstract && t.IsSealed && t.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            owners = [.. owners, (ext, ext.Name + ".", false)];
        var cases = new List<AuditCase>();
        foreach (var (type, prefix, instance) in owners)
        {
            var flags = BindingFlags.Public | BindingFlags.DeclaredOnly | (instance ? BindingFlags.Instance : BindingFlags.Static);
            var methods = type.GetMethods(flags)
                .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !Skipped.Contains(m.Name))
                .Where(m => m.GetParameters().All(p => Supported(p.ParameterType)))
                .Select(m => (Name: prefix + Signature(m), Info: m))
                .OrderBy(m => m.Name, StringComparer.Ordinal);
            foreach (var (name, info) in methods)
                foreach (var profile in Profiles)
                    cases.Add(new AuditCase(name, profile, info, () => Arguments(info, profile)));
        }
        return cases;
    }

    public static string Signature(MethodInfo m) =>
        $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type t) =>
        Nullable.GetUnderlyingType(t) is { } u ? TypeName(u) + "?" : t.IsArray ? TypeName(t.GetElementType()!) + "[]" : t.Name;

    private static bool Supported(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsByRef || t.IsPointer || t.IsByRefLike || typeof(Delegate).IsAssignableFrom(t)) return false;
        return t == typeof(Tensor) || t == typeof(Tensor[]) || t == typeof(long) || t == typeof(int) || t == typeof(long[])
            || t == typeof(int[]) || t == typeof(double) || t == typeof(float) || t == typeof(bool) || t == typeof(Scalar)
            || t == typeof(string) || t == typeof(ScalarType) || t == typeof(Device) || t.IsEnum
            || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IList<>) && t.GetGenericArguments()[0] == typeof(Tensor))
            || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>) && t.GetGenericArguments()[0] == typeof(Tensor));
    }

    /// <summary>The arguments of one profile. Tensors after the first differ from it in the profile's way.</summary>
    private static object?[] Arguments(MethodInfo m, string profile)
    {
        var parameters = m.GetParameters();
        var args = new object?[parameters.Length];
        var tensorIndex = m.IsStatic ? 0 : 1; // an instance method's receiver is tensor 0 (Receiver)
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (t == typeof(Tensor)) args[i] = MakeTensor(profile, tensorIndex++);
            else if (t == typeof(Tensor[]) || t.IsGenericType) args[i] = new[] { MakeTensor(profile, tensorIndex++), MakeTensor(profile, tensorIndex++) };
            else if (p.HasDefaultValue && t != typeof(long) && t != typeof(int)) args[i] = p.DefaultValue;
            else if (t == typeof(long)) args[i] = Integer(profile);
            else if (t == typeof(int)) args[i] = (int)Integer(profile);
            else if (t == typeof(long[])) args[i] = Sizes(profile);
            else if (t == typeof(int[])) args[i] = Sizes(profile).Select(v => (int)v).ToArray();
            else if (t == typeof(double)) args[i] = profile == "zero-dim" ? -1.0 : 0.5;
            else if (t == typeof(float)) args[i] = profile == "zero-dim" ? -1.0f : 0.5f;
            else if (t == typeof(bool)) args[i] = true;
            else if (t == typeof(Scalar)) args[i] = profile switch
            {
                "dtypes" => 1e20.ToScalar(),                            // overflows every integer type and float16
                "zero-dim" => new System.Numerics.Complex(1, 2).ToScalar(), // no real type holds it
                "empty" => double.NaN.ToScalar(),
                "shapes" => double.PositiveInfinity.ToScalar(),
                "devices" => long.MaxValue.ToScalar(),
                _ => 2.ToScalar(),
            };
            else if (t == typeof(string)) args[i] = "bad";
            else if (t == typeof(ScalarType)) args[i] = profile == "dtypes" ? ScalarType.Bool : ScalarType.Float32;
            else if (t == typeof(Device)) args[i] = profile == "devices" ? torch.META : torch.CPU;
            else if (t.IsEnum) args[i] = Enum.GetValues(t).GetValue(0);
            else args[i] = null;
        }
        return args;
    }

    /// <summary>The tensor an instance method is called on: the profile's first tensor.</summary>
    public static Tensor Receiver(string profile) => MakeTensor(profile, 0);

    /// <summary>Out-of-range dims and indices, negative sizes, zero.</summary>
    private static long Integer(string profile) => profile switch
    {
        "shapes" or "same-shape" => 7,
        "zero-dim" => -5,
        "empty" or "dtypes" => 0,
        _ => 2,
    };

    private static long[] Sizes(string profile) => profile switch
    {
        "shapes" => [7, -3],
        "zero-dim" => [-5],
        "empty" => [],
        _ => [2, 3],
    };

    private static Tensor MakeTensor(string profile, int index) => profile switch
    {
        // (2x3) then (4x5): no broadcasting, no product fits.
        "shapes" => index == 0 ? rand(2, 3) : rand(4, 5),
        // (2x3) twice: fits elementwise ops, not matrix products.
        "same-shape" => rand(2, 3),
        "dtypes" => (index % 3) switch { 0 => rand(2, 3), 1 => ones(2, 3, ScalarType.Int64), _ => ones(2, 3, ScalarType.Bool) },
        "zero-dim" => tensor(1.5f),
        "empty" => empty(0),
        "devices" => index == 0 ? rand(2, 3) : empty(2, 3, device: torch.META),
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };
}
