using System.Collections;

namespace NotebookDL.Torch.Modules
{
    /// <summary>Submodules by name, in insertion order; parameters appear as "&lt;key&gt;.weight". No forward of its own.</summary>
    public sealed class ModuleDict<T> : Module, IReadOnlyDictionary<string, T> where T : Module
    {
        public ModuleDict(params (string key, T module)[] modules)
        {
            foreach (var (key, m) in modules) Add(key, m);
        }

        public int Count => OwnModules.Count;

        public T this[string key]
        {
            get => OwnModules.TryGetValue(key, out var m) ? (T)m! : throw new KeyNotFoundException($"ModuleDict has no module '{key}'.");
            set => register_module(key, value ?? throw new ArgumentNullException(nameof(value)));
        }

        public void Add(string key, T module) => this[key] = module;

        public IEnumerable<string> Keys => OwnModules.Keys;

        public IEnumerable<T> Values => OwnModules.Values.Cast<T>();

        public bool ContainsKey(string key) => OwnModules.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
        {
            var found = OwnModules.TryGetValue(key, out var m);
            value = found ? (T)m! : default;
            return found;
        }

        public IEnumerator<KeyValuePair<string, T>> GetEnumerator() =>
            OwnModules.Select(kv => new KeyValuePair<string, T>(kv.Key, (T)kv.Value!)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.ModuleDict<T> ModuleDict<T>(params (string key, T module)[] modules) where T : Modules.Module => new(modules);
        }
    }
}
