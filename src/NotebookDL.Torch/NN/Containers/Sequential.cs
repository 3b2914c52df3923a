using System.Collections;

namespace NotebookDL.Torch.Modules
{
    /// <summary>
    /// Runs its modules in order, each on the previous one's output. Modules are named "0", "1", ... (or by the
    /// names given), so parameters are "0.weight", "2.bias" as in PyTorch. Indexable by position and by slice.
    /// </summary>
    public sealed class Sequential : Module<Tensor, Tensor>, IEnumerable<Module<Tensor, Tensor>>
    {
        public Sequential(params Module<Tensor, Tensor>[] modules)
        {
            foreach (var m in modules) append(m);
        }

        public Sequential(params (string name, Module<Tensor, Tensor> module)[] modules)
        {
            foreach (var (name, m) in modules) register_module(name, m ?? throw new ArgumentNullException(nameof(modules), $"Module '{name}' is null."));
        }

        private IEnumerable<Module<Tensor, Tensor>> Layers => OwnModules.Values.OfType<Module<Tensor, Tensor>>();

        public int Count => OwnModules.Count;

        /// <summary>The module at <paramref name="index"/> (negative counts from the end, as in Python).</summary>
        public Module<Tensor, Tensor> this[int index]
        {
            get
            {
                var i = index < 0 ? index + Count : index;
                if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Sequential has {Count} modules.");
                return (Module<Tensor, Tensor>)OwnModules.GetAt(i).Value!;
            }
        }

        /// <summary>A new Sequential over a range of these modules (shared, not copied), keeping their names.</summary>
        public Sequential this[Range range]
        {
            get
            {
                var (start, length) = range.GetOffsetAndLength(Count);
                return new Sequential(Enumerable.Range(start, length).Select(i => (OwnModules.GetAt(i).Key, (Module<Tensor, Tensor>)OwnModules.GetAt(i).Value!)).ToArray());
            }
        }

        /// <summary>Adds <paramref name="module"/> at the end, named by its position.</summary>
        public Sequential append(Module<Tensor, Tensor> module)
        {
            ArgumentNullException.ThrowIfNull(module);
            register_module(Count.ToString(), module);
            return this;
        }

        public override Tensor forward(Tensor input)
        {
            var x = input;
            foreach (var layer in Layers) x = layer.call(x);
            return x;
        }

        public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => Layers.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace NotebookDL.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Chains modules: <c>nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))</c>.</summary>
            public static Modules.Sequential Sequential(params Modules.Module<Tensor, Tensor>[] modules) => new(modules);

            /// <summary>Chains named modules: <c>nn.Sequential(("body", body), ("head", head))</c>.</summary>
            public static Modules.Sequential Sequential(params (string name, Modules.Module<Tensor, Tensor> module)[] modules) => new(modules);
        }
    }
}
