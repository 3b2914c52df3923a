using Microsoft.Data.Analysis;
using NotebookDL.Learning;

namespace NotebookDL.Tabular;

/// <summary>Prediction of new rows, shared by the tabular and collaborative-filtering learners (both encode rows with a <see cref="TabularProcessor"/>).</summary>
internal static class TabularPredictions
{
    /// <summary>
    /// Predictions for new rows (any frame with the training columns), encoded with the fitted procs: a frame with
    /// <c>{y}_pred</c> per regression target (exp'd back when the data used yLog), or the predicted class and its
    /// probability.
    /// </summary>
    public static DataFrame Predict(Learner learn, TabularProcessor processor, DataFrame rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var scope = torch.NewDisposeScope();
        var x = processor.EncodeX(rows).to(learn.ModelDevice);
        var wasTraining = learn.Model.training;
        learn.Model.eval();
        Tensor output;
        try
        {
            using (torch.no_grad()) output = learn.LossFunc.Activation(learn.Model.forward(x)).cpu();
        }
        finally
        {
            learn.Model.train(wasTraining);
        }
        var columns = new List<DataFrameColumn>();
        if (processor.YBlock == YBlock.Category)
        {
            var (probs, classes) = output.max(1);
            var labels = classes.data<long>().ToArray();
            columns.Add(new StringDataFrameColumn(processor.YNames[0] + "_pred", labels.Select(c => processor.YVocab![(int)c])));
            columns.Add(new DoubleDataFrameColumn("probability", probs.to(ScalarType.Float64).data<double>().ToArray()));
        }
        else
        {
            var values = output.reshape(rows.Rows.Count, -1).to(ScalarType.Float64);
            if (processor.YLog) values = values.exp();
            var data = values.data<double>().ToArray();
            var k = processor.YNames.Count;
            for (var j = 0; j < k; j++)
                columns.Add(new DoubleDataFrameColumn(processor.YNames[j] + "_pred", Enumerable.Range(0, (int)rows.Rows.Count).Select(i => data[i * k + j])));
        }
        return new DataFrame(columns);
    }
}
