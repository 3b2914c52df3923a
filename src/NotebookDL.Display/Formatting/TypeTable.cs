using System.Collections.Concurrent;

namespace NotebookDL.Display.Formatting;

/// <summary>
/// A thread-safe map from registered types to values with "most specific registration wins" lookup.
/// Lookups are cached per runtime type because formatting happens on every cell result; any registration
/// clears the cache, since a new entry can change the winner for many types.
/// </summary>
internal sealed class TypeTable<TValue> where TValue : class
{
    private readonly object gate = new();
    private readonly Dictionary<Type, TValue> entries = [];
    private readonly List<Type> registrationOrder = [];
    private readonly ConcurrentDictionary<Type, TValue?> cache = new();

    public void Set(Type type, TValue value)
    {
        lock (gate)
        {
            entries[type] = value;
            registrationOrder.Remove(type);
            registrationOrder.Add(type);
            cache.Clear();
        }
    }

    /// <summary>The registered types, oldest registration first.</summary>
    public IReadOnlyList<Type> Types
    {
        get
        {
            lock (gate) return [.. registrationOrder];
        }
    }

    public TValue? Find(Type type)
    {
        if (cache.TryGetValue(type, out var cached)) return cached;
        lock (gate)
        {
            var found = Resolve(type);
            cache[type] = found;
            return found;
        }
    }

    // Called under the lock so the table cannot change mid-resolution.
    private TValue? Resolve(Type type)
    {
        // 1. The type itself and its base classes, nearest first; object is held back as the last resort
        //    so that an IEnumerable registration beats a generic "any object" one.
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (TryGet(t, out var value)) return value;
        }

        // 2. Interfaces: of those registered, the most derived wins; unrelated ones are ranked by latest registration.
        var candidates = new List<Type>();
        foreach (var iface in type.GetInterfaces())
        {
            if (entries.ContainsKey(iface)) candidates.Add(iface);
            else if (iface.IsGenericType && entries.ContainsKey(iface.GetGenericTypeDefinition())) candidates.Add(iface.GetGenericTypeDefinition());
        }

        var best = candidates
            .Where(c => !candidates.Any(other => other != c && IsMoreDerived(other, c)))
            .OrderByDescending(registrationOrder.IndexOf)
            .FirstOrDefault();
        if (best is not null) return entries[best];

        return entries.GetValueOrDefault(typeof(object));
    }

    private bool TryGet(Type type, out TValue? value)
    {
        if (entries.TryGetValue(type, out value)) return true;
        return type.IsGenericType && !type.IsGenericTypeDefinition && entries.TryGetValue(type.GetGenericTypeDefinition(), out value);
    }

    // True when 'derived' extends 'baseType' (handling open generic definitions by their closed interfaces).
    private static bool IsMoreDerived(Type derived, Type baseType)
    {
        if (derived == baseType) return false;
        foreach (var iface in derived.GetInterfaces())
        {
            var candidate = iface.IsGenericType && baseType.IsGenericTypeDefinition ? iface.GetGenericTypeDefinition() : iface;
            if (candidate == baseType) return true;
        }
        return false;
    }
}
