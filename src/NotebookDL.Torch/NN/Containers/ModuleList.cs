using System.Collections;

namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// A list of submodules registered as "0", "1", ... (so their parameters are found and saved); it has no forward
    /// of its own: the owning module decides how to use them.
    /// </summary>
    public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
    {
        public ModuleList(params T[] modules)
        {
            foreach (var m in modules) append(m);
        }

        public int Count => OwnModules.Count;

        public T this[int index]
        {
            get => (T)OwnModules.GetAt(Index(index)).Value!;
            set => register_module(Index(index).ToString(), value ?? throw new ArgumentNullException(nameof(value)));
        }

        private int Index(int index)
        {
            var i = index < 0 ? index + Count : index;
            if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"ModuleList has {Count} modules.");
            return i;
        }

        public ModuleList<T> append(T module)
        {
            ArgumentNullException.ThrowIfNull(module);
            register_module(Count.ToString(), module);
            return this;
        }

        public void Add(T module) => append(module);

        public IEnumerator<T> GetEnumerator() => OwnModules.Values.Cast<T>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.ModuleList<T> ModuleList<T>(params T[] modules) where T : Modules.Module => new(modules);
        }
    }
}
