namespace NotebookDL.Vision;

/// <summary>
/// What an item transform may depend on: whether the item is for training (random augmentation) or
/// validation (deterministic), and a random generator seeded from the loader's seed, the epoch and the item's
/// position, so results do not depend on which worker thread handles the item.
/// </summary>
public readonly record struct ItemContext(bool Training, Random Random);
