namespace NotebookDL.Architectures;

/// <summary>
/// A recurrent model that shows the last layer's activations of its latest training forward, for activation and
/// temporal activation regularisation (<see cref="NotebookDL.Text.RnnRegularizer"/>; fastai's <c>RNNCallback</c> reads the
/// same two tensors from the model's extra outputs). Both are null outside training; in the Learner they belong to the
/// batch's dispose scope, so they are valid until that batch ends.
/// </summary>
public interface IRnnActivations
{
    /// <summary>The last layer's outputs, (bs, seq, features), before any output dropout: what TAR smooths over time.</summary>
    Tensor? RawOutput { get; }

    /// <summary>The same after output dropout (what the decoder read): what AR keeps small.</summary>
    Tensor? DroppedOutput { get; }
}
