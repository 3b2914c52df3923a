using System.Collections;

namespace NotebookDL.Display.Formatting;

/// <summary>The formatters every host gets: scalars, exceptions, sequences, dictionaries, objects, figures.</summary>
internal static class BuiltInFormatters
{
    public static void RegisterAll()
    {
        // Scalars are text/plain only: an HTML table around "42" adds nothing.
        Type[] scalars =
        [
            typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
            typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(string),
            typeof(Half), typeof(nint), typeof(nuint), typeof(Enum), typeof(DateTime), typeof(DateTimeOffset),
            typeof(TimeSpan), typeof(Guid), typeof(Type),
        ];
        // A value on its own is shown in full (round-trip doubles); only table cells are abbreviated.
        foreach (var scalar in scalars) Formatter.Register(scalar, value => MimeBundle.PlainText(ValueText.Full(value)));

        Formatter.Register<Exception>(ExceptionFormatter.Format);
        Formatter.Register(typeof(IEnumerable), value => SequenceFormatter.Format((IEnumerable)value));
        Formatter.Register(typeof(IDictionary), value => DictionaryFormatter.Format((IEnumerable)value));
        Formatter.Register(typeof(IDictionary<,>), value => DictionaryFormatter.Format((IEnumerable)value));
        Formatter.Register(typeof(IReadOnlyDictionary<,>), value => DictionaryFormatter.Format((IEnumerable)value));
        Formatter.Register(typeof(object), ObjectFormatter.Format);
        // A bundle a method built (an image grid, an interpretation view) is shown as itself when a cell returns it.
        Formatter.Register<MimeBundle>(bundle => bundle);
        Formatter.Register<Plotting.Figure>(figure => figure.ToMimeBundle());
        Formatter.Register<TorchSharp.torch.Tensor>(Tensors.TensorFormatter.Format);
        Formatter.Register<Tensors.TensorHeatmap>(heatmap => Tensors.TensorImage.Heatmap(heatmap.Values, heatmap.ColorMap));
        Formatter.Register<Microsoft.Data.Analysis.DataFrame>(Frames.DataFrameFormatter.Format);
    }
}
