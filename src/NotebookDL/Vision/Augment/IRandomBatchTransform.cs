using NotebookDL.Data;

namespace NotebookDL.Vision.Augment;

/// <summary>A batch transform that draws random parameters from an <see cref="AugmentRandom"/> it exposes for seeding.</summary>
public interface IRandomBatchTransform : IBatchTransform
{
    /// <summary>The source of this transform's random parameters; replace or seed it to reproduce a batch.</summary>
    AugmentRandom Generator { get; set; }
}
