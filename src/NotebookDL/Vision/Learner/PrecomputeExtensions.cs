using NotebookDL.Learning;

namespace NotebookDL.Vision;

/// <summary><c>learn.Precompute</c>: train the head on cached body activations (see <see cref="PrecomputeCallback"/>).</summary>
public static class PrecomputeExtensions
{
    extension(VisionLearner learn)
    {
        /// <summary>
        /// The course's precompute switch. Setting it true (with a frozen, pretrained body and un-augmented data)
        /// makes the next fits compute the body's activations once and train only the head on them; setting it false
        /// frees the cache. An unfrozen body or augmented data turns it off again at the next fit, with a message.
        /// </summary>
        public bool Precompute
        {
            get => learn.GetCallback<PrecomputeCallback>() is not null;
            set
            {
                var current = learn.GetCallback<PrecomputeCallback>();
                if (current is not null)
                {
                    current.PutBack();
                    current.ClearCache();
                    learn.RemoveCb(current);
                }
                if (!value) return;
                if (PrecomputeCallback.ReasonOff(learn) is { } reason)
                {
                    Console.WriteLine($"Precompute stays off: {reason}");
                    return;
                }
                learn.AddCb(new PrecomputeCallback());
            }
        }
    }
}
