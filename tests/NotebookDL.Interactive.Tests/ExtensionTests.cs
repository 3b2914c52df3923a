using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookDL.Interactive.Tests;

/// <summary>
/// The packed extension in a real .NET Interactive host: its extension.dib runs, NotebookDL's values come back as
/// non-empty HTML and text, and NotebookDL's displays (progress bars, plots) reach the host with stable display ids.
/// </summary>
[Collection(nameof(HostCollection))]
public sealed class ExtensionTests(PackedExtension package) : IClassFixture<PackedExtension>
{
    [Fact]
    public void The_package_carries_the_extension_and_depends_on_NotebookDL_but_not_on_the_host()
    {
        Assert.Contains("interactive-extensions/dotnet/extension.dib", package.Entries);
        Assert.Contains("lib/net10.0/NotebookDL.Interactive.dll", package.Entries);
        var ids = package.Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Contains("NotebookDL", ids);
        Assert.Contains("NotebookDL.Display", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        Assert.Contains("using static TorchSharp.torch;", package.ExtensionDib);
    }

    [Fact]
    public async Task A_tensor_returns_non_empty_html_and_PyTorch_text()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var result = await host.SubmitAsync("torch.arange(6).reshape(2, 3)");

        ExtensionHost.AssertSucceeded(result, "the tensor cell");
        var values = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues;
        Assert.All(values, v => Assert.False(string.IsNullOrWhiteSpace(v.Value), $"{v.MimeType} is empty"));
        Assert.Equal(["text/html", "text/plain"], values.Select(v => v.MimeType).Order());
        Assert.Equal("tensor([[0, 1, 2],\n        [3, 4, 5]])", values.Single(v => v.MimeType == "text/plain").Value);
        Assert.Contains("<table", values.Single(v => v.MimeType == "text/html").Value);
    }

    [Fact]
    public void The_extension_bridges_every_type_NotebookDL_formats_and_no_system_type()
    {
        // One list: what NotebookDL's registry formats (the kernel's only source) is what the extension hands over.
        var bridged = NotebookDL.Interactive.InteractiveFormatters.Types;
        Type[] expected =
        [
            typeof(TorchSharp.torch.Tensor), typeof(NotebookDL.Display.Plotting.Figure), typeof(NotebookDL.Display.MimeBundle),
            typeof(NotebookDL.Display.Tensors.TensorHeatmap), typeof(Microsoft.Data.Analysis.DataFrame),
            typeof(NotebookDL.Learning.LearnerSummary), typeof(NotebookDL.Learning.LrFindResult), typeof(NotebookDL.Inspect.ItemHeatmap),
            typeof(NotebookDL.Text.TokenAttribution), typeof(NotebookDL.Vision.TtaAccuracyResult),
        ];
        Assert.All(expected, t => Assert.Contains(t, bridged));
        Assert.DoesNotContain(typeof(int), bridged);
        Assert.DoesNotContain(typeof(object), bridged);
        Assert.DoesNotContain(typeof(System.Collections.IEnumerable), bridged);
    }

    [Fact]
    public void Extension_dib_declares_the_usings_the_kernel_starts_with()
    {
        var declared = package.ExtensionDib.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("using ", StringComparison.Ordinal))
            .Select(l => l["using ".Length..].TrimEnd(';').Trim()).Order().ToList();
        var shared = NotebookDL.Hosting.DefaultUsings.Torch.Concat(NotebookDL.Hosting.DefaultUsings.NotebookDL).Order().ToList();
        Assert.Equal(shared, declared);
    }

    [Fact]
    public async Task A_value_displays_itself_with_Display_and_updates_in_place()
    {
        // .NET Interactive's own x.Display(): NotebookDL's values reach it through the extension's formatters.
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);
        var result = await host.SubmitAsync("var shown = torch.arange(3).Display(); shown.Update(torch.arange(4));");
        ExtensionHost.AssertSucceeded(result, "x.Display() and Update");
        Assert.Contains(result.Events.OfType<DisplayedValueUpdated>(), e => e.FormattedValues.Any(v => v.Value.Contains("tensor([0, 1, 2, 3])")));
    }

    [Fact]
    public async Task A_matmul_that_would_abort_fails_the_cell_and_the_host_keeps_its_variables()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);
        ExtensionHost.AssertSucceeded(await host.SubmitAsync("var keptHere = 42; var a = torch.ones(2, 3);"), "the first cell");

        var result = await host.SubmitAsync("a.matmul(a)");

        var failed = result.Events.OfType<CommandFailed>().Single();
        Assert.Contains("matmul: (2x3) @ (2x3): inner sizes 3 and 2 differ", failed.Message);
        var native = await host.SubmitAsync("a.reshape(4, -1, 5)");
        Assert.DoesNotContain("frame #", native.Events.OfType<CommandFailed>().Single().Message);
        var next = await host.SubmitAsync("keptHere + (int)torch.matmul(a, a.t()).sum().item<float>()");
        ExtensionHost.AssertSucceeded(next, "the cell after the failure");
        Assert.Equal(42 + 2 * 2 * 3, next.Events.OfType<ReturnValueProduced>().Single().Value);
    }

    [Fact]
    public async Task A_data_frame_read_with_Csv_is_a_static_table_with_types_and_shape()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var result = await host.SubmitAsync("Csv.ReadText(\"store,sales\\n2,1.5\\n5,NA\\n\")");

        ExtensionHost.AssertSucceeded(result, "the data frame cell");
        var values = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues;
        Assert.Equal(["text/html", "text/plain"], values.Select(v => v.MimeType).Order());
        var html = values.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("<th>store</th>", html);
        Assert.Contains(">long</th>", html);
        Assert.Contains("<td>NA</td>", html);
        Assert.Contains("2 rows × 2 columns", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task A_heatmap_over_a_picture_is_a_png_inside_the_html()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var result = await host.SubmitAsync("""
            var picture = NotebookDL.Vision.Image.FromTensor(torch.rand(1, 16, 16));
            ShowHeatmap(picture, torch.rand(4, 4), title: "a map")
            """);

        ExtensionHost.AssertSucceeded(result, "the heatmap cell");
        var values = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues;
        var html = values.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("a map", html);
    }

    [Fact]
    public async Task A_figure_is_drawn_as_svg_inside_the_html()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var result = await host.SubmitAsync("""
            var fig = new NotebookDL.Display.Plotting.Figure();
            fig.Add(new NotebookDL.Display.Plotting.Scatter([1.0, 2.0, 3.0], [1.0, 4.0, 9.0]));
            fig
            """);

        ExtensionHost.AssertSucceeded(result, "the figure cell");
        var html = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.StartsWith("<svg", html.TrimStart());
    }

    [Fact]
    public async Task Training_progress_updates_one_display_in_place_and_the_confusion_matrix_is_shown()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var result = await host.SubmitAsync("""
            manual_seed(0);
            var x = randn(64, 4);
            var y = x.sum(1).gt(0).to(int64);
            var dls = NotebookDL.Data.DataLoaders.FromTensors(x, y, x, y, bs: 16, vocab: ["negative", "positive"]);
            var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));
            var learn = new Learner(dls, model, LossFunction.CrossEntropy, metrics: [Metrics.Accuracy]);
            learn.Fit(2, 1e-2);
            Display(ClassificationInterpretation.FromLearner(learn).PlotConfusionMatrix());
            """);

        ExtensionHost.AssertSucceeded(result, "the training cell");
        var produced = result.Events.OfType<DisplayedValueProduced>().ToList();
        var updated = result.Events.OfType<DisplayedValueUpdated>().ToList();
        Assert.NotEmpty(updated);
        // Every update refers to a display produced before it in the same cell.
        var ids = produced.Select(p => p.ValueId).ToHashSet();
        Assert.All(updated, u => Assert.Contains(u.ValueId, ids));
        Assert.All(produced.Concat<DisplayEvent>(updated).SelectMany(e => e.FormattedValues),
            v => Assert.False(string.IsNullOrWhiteSpace(v.Value), $"{v.MimeType} part is empty"));
        Assert.Contains(produced, p => p.FormattedValues.Any(v => v.MimeType == "text/html" && v.Value.Contains("<svg")));
    }

    [Fact]
    public async Task Seed_magic_makes_torch_draws_repeat_and_threads_magic_sets_torch_threads()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var first = await host.SubmitAsync("#!seed 7\ntorch.rand(3).sum().item<float>()");
        var second = await host.SubmitAsync("#!seed 7\ntorch.rand(3).sum().item<float>()");
        var threads = await host.SubmitAsync("#!threads 1\ntorch.get_num_threads()");

        foreach (var r in new[] { first, second, threads }) ExtensionHost.AssertSucceeded(r, "the magic cell");
        object Value(KernelCommandResult r) => r.Events.OfType<ReturnValueProduced>().Single().Value;
        Assert.Equal(Value(first), Value(second));
        Assert.Equal(1, Value(threads));
        Assert.Contains(first.Events.OfType<DisplayedValueProduced>(), d => d.FormattedValues.Any(v => v.Value == "Seeded torch with 7."));
    }

    [Fact]
    public async Task Magic_errors_fail_the_cell_with_the_reason()
    {
        using var host = new ExtensionHost();
        await host.LoadAsync(package.ExtensionDib);

        var missing = await host.SubmitAsync("#!seed\n1");
        var notANumber = await host.SubmitAsync("#!threads zero\n1");

        Assert.NotNull(missing.Events.OfType<CommandFailed>().SingleOrDefault());
        var failed = notANumber.Events.OfType<CommandFailed>().SingleOrDefault();
        Assert.NotNull(failed);
        Assert.Contains("#!threads expects one integer <n>, got 'zero'", failed.Message);
    }

    [Fact]
    public async Task Loading_the_extension_without_its_assemblies_fails_the_command()
    {
        using var host = new ExtensionHost();

        var result = await host.SubmitAsync(ExtensionHost.Code(package.ExtensionDib));

        var failed = result.Events.OfType<CommandFailed>().SingleOrDefault();
        Assert.NotNull(failed);
        Assert.Contains("NotebookDL", failed.Message);
    }
}

/// <summary>
/// The host's formatter registry and NotebookDL's display publisher are process-wide: the tests that load the
/// extension run one at a time.
/// </summary>
[CollectionDefinition(nameof(HostCollection), DisableParallelization = true)]
public sealed class HostCollection;
