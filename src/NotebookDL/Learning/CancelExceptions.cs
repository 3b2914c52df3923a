namespace NotebookDL.Learning;

/// <summary>
/// Base of the documented ways for a callback to stop part of the loop. The Learner catches each at its own level,
/// fires the matching AfterCancel event, then the level's After event, and carries on with the enclosing level.
/// </summary>
public abstract class CancelException(string message) : Exception(message);

/// <summary>Skips the rest of the current batch (no backward/step if raised before them); training continues with the next batch.</summary>
public sealed class CancelBatchException() : CancelException("Batch cancelled.");

/// <summary>Skips the backward pass of the current batch (and so its step has no fresh gradient).</summary>
public sealed class CancelBackwardException() : CancelException("Backward cancelled.");

/// <summary>Skips the optimizer step of the current batch.</summary>
public sealed class CancelStepException() : CancelException("Step cancelled.");

/// <summary>Ends the training phase of the current epoch; validation still runs.</summary>
public sealed class CancelTrainException() : CancelException("Training phase cancelled.");

/// <summary>Ends the validation phase of the current epoch.</summary>
public sealed class CancelValidException() : CancelException("Validation cancelled.");

/// <summary>Ends the current epoch (the rest of training and its validation); the next epoch starts.</summary>
public sealed class CancelEpochException() : CancelException("Epoch cancelled.");

/// <summary>Ends the whole fit (early stopping, lr_find's divergence); AfterFit still runs.</summary>
public sealed class CancelFitException() : CancelException("Fit cancelled.");
