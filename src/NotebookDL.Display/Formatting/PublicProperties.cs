using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookDL.Display.Formatting;

/// <summary>The readable public instance properties shown for records and plain objects (indexers excluded), cached per type.</summary>
internal static class PublicProperties
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

    public static PropertyInfo[] Of(Type type) => Cache.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        // Records expose a compiler-generated EqualityContract; it is protected, but guard in case of hand-written ones.
        .Where(p => p.Name != "EqualityContract")
        .ToArray());

    public static string ValueOf(PropertyInfo property, object target)
    {
        try
        {
            return ValueText.Of(property.GetValue(target));
        }
        catch (TargetInvocationException ex)
        {
            return $"<{ex.InnerException?.GetType().Name ?? "error"}>";
        }
    }

    /// <summary>Types shown as a single value (a cell), never broken down into properties.</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) ||
        type == typeof(Guid) || Nullable.GetUnderlyingType(type) is not null;
}
