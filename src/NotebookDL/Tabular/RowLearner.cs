using Microsoft.Data.Analysis;
using NotebookDL.Data;
using NotebookDL.Learning;

namespace NotebookDL.Tabular;

/// <summary>
/// A Learner whose inputs are table rows encoded by a fitted <see cref="TabularProcessor"/>: the tabular and the
/// collaborative-filtering learners. The processor is also the learner's item transform, so <c>Export</c> saves it and
/// a loaded learner encodes new rows exactly as training did.
/// </summary>
public abstract class RowLearner : Learner
{
    private protected RowLearner(TabularDataLoaders dls, nn.Module<Tensor, Tensor> model, LossFunction lossFunc, OptFunc? optFunc,
        IEnumerable<IMetric>? metrics, double? wd, IEnumerable<ICallback>? cbs, double? lr, bool progress)
        : base(dls, model, lossFunc, optFunc, metrics, wd, cbs, lr: lr, progress: progress)
    {
        Processor = dls.Processor;
        ItemTransform = Processor;
    }

    /// <summary>Rebuilds an exported row learner, with the processor the export saved.</summary>
    private protected RowLearner(SavedLearner saved)
        : base(DataLoaders.Empty(saved.Vocab), saved.Model, saved.Loss, progress: false)
    {
        Processor = saved.ItemTransform as TabularProcessor
            ?? throw new InvalidDataException($"The exported {saved.Kind} holds no tabular processor (its categories and normalisation).");
        ItemTransform = Processor;
    }

    /// <summary>The procs fitted on the training rows (categories, fill values, means and deviations).</summary>
    public TabularProcessor Processor { get; }

    /// <summary>
    /// Predictions for new rows (any frame with the training columns), encoded with the fitted procs: a frame with
    /// <c>{y}_pred</c> per regression target (exp'd back when the data used yLog; a rating for collaborative
    /// filtering), or the predicted class and its probability (fastai's <c>predict</c> for many rows).
    /// </summary>
    public DataFrame Predict(DataFrame rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var scope = torch.NewDisposeScope();
        var x = Processor.EncodeX(rows).to(ModelDevice);
        var wasTraining = Model.training;
        Model.eval();
        Tensor output;
        try
        {
            using (torch.no_grad()) output = LossFunc.Activation(Model.call(x)).cpu();
        }
        finally
        {
            Model.train(wasTraining);
        }
        var columns = new List<DataFrameColumn>();
        if (Processor.YBlock == YBlock.Category)
        {
            var (probs, classes) = output.max(1);
            var labels = classes.data<long>().ToArray();
            columns.Add(new StringDataFrameColumn(Processor.YNames[0] + "_pred", labels.Select(c => Processor.YVocab![(int)c])));
            columns.Add(new DoubleDataFrameColumn("probability", probs.to(ScalarType.Float64).data<double>().ToArray()));
        }
        else
        {
            var values = output.reshape(rows.Rows.Count, -1).to(ScalarType.Float64);
            if (Processor.YLog) values = values.exp();
            var data = values.data<double>().ToArray();
            var k = Processor.YNames.Count;
            for (var j = 0; j < k; j++)
                columns.Add(new DoubleDataFrameColumn(Processor.YNames[j] + "_pred", Enumerable.Range(0, (int)rows.Rows.Count).Select(i => data[i * k + j])));
        }
        return new DataFrame(columns);
    }
}
