namespace NotebookDL.Torch;

/// <summary>Device kinds; values are libtorch's c10::DeviceType codes.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A device such as <c>cpu</c> or <c>cuda:0</c>, as in <c>torch.device("cuda:1")</c>.</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    /// <summary>Parses "cpu", "cuda", "cuda:1".</summary>
    public Device(string description) : this(Parse(description).type, Parse(description).index) { }

    public static readonly Device CPU = new(DeviceType.CPU);

    public override string ToString() =>
        (type == DeviceType.CPU ? "cpu" : "cuda") + (index >= 0 ? $":{index}" : "");

    public static implicit operator Device(string description) => new(description);

    private static (DeviceType type, int index) Parse(string description)
    {
        var parts = description.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"Unknown device '{description}': expected cpu, cuda or cuda:N.", nameof(description)),
        };
        if (parts.Length == 1) return (type, -1);
        if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0) return (type, index);
        throw new ArgumentException($"Bad device index in '{description}': expected cuda:N with N >= 0.", nameof(description));
    }

    /// <summary>Fails early, with advice, when CUDA is asked for where libtorch has none.</summary>
    internal Device Validated()
    {
        if (type == DeviceType.CUDA)
        {
            var count = torch.cuda.device_count();
            if (count == 0)
                throw new TorchException(
                    $"Device '{this}' was requested, but CUDA is not available (this libtorch has no CUDA support or no GPU is visible). " +
                    "Use torch.CPU, or build the native shim against a CUDA libtorch (Torch_DIR).");
            if (index >= count)
                throw new TorchException($"Device '{this}' was requested, but only {count} CUDA device(s) exist.");
        }
        return this;
    }
}
