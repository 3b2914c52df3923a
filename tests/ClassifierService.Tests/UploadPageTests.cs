using System.Text.Json.Nodes;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace ClassifierService.Tests;

/// <summary>The upload page in headless Chromium: a user picks a picture and the page shows the model's answer.</summary>
[Collection(nameof(ServiceCollection))]
public sealed class UploadPageTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Picking_a_picture_shows_its_class_probabilities_and_timing()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.Send("Page.enable");
        await browser.Send("Page.navigate", new JsonObject { ["url"] = fixture.Service.BaseAddress.ToString() });
        await WaitFor(browser, "document.readyState === 'complete' && document.getElementById('file') !== null");
        Assert.Contains("10 classes", (string?)await browser.Evaluate("document.body.innerText"));

        var picture = fixture.Pictures[3];
        var root = await browser.Send("DOM.getDocument");
        var input = await browser.Send("DOM.querySelector", new JsonObject { ["nodeId"] = (int)root["root"]!["nodeId"]!, ["selector"] = "#file" });
        await browser.Send("DOM.setFileInputFiles", new JsonObject { ["files"] = new JsonArray(picture), ["nodeId"] = (int)input["nodeId"]! });
        await WaitFor(browser, "document.getElementById('timing').textContent.length > 0 || document.getElementById('label').className === 'error'");

        using var learn = Learner.Load<VisionLearner>(fixture.ModelPath);
        var expected = learn.Predict(picture);
        Assert.Equal(expected.Label, (string?)await browser.Evaluate("document.getElementById('label').textContent"));
        Assert.Equal(5, (int)(await browser.Evaluate("document.querySelectorAll('#probabilities tr').length"))!);
        Assert.StartsWith("model ", (string?)await browser.Evaluate("document.getElementById('timing').textContent"));
        Assert.True((bool)(await browser.Evaluate("document.getElementById('preview').naturalWidth === 28"))!, "the preview shows the picture");

        // The screenshot: a real page, not a blank one (it is kept next to the test results for a look).
        var shot = Convert.FromBase64String((string)(await browser.Send("Page.captureScreenshot"))["data"]!);
        var image = ImageIO.Decode(shot, "screenshot");
        Assert.Equal(1000, image.Width);
        Assert.True(image.Pixels.Distinct().Count() > 20, "the screenshot is blank");
        var saved = Path.Combine(AppContext.BaseDirectory, "upload-page.png");
        await File.WriteAllBytesAsync(saved, shot);
    }

    private static async Task WaitFor(HeadlessChromium browser, string condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await browser.Evaluate(condition) is JsonValue value && value.TryGetValue<bool>(out var done) && done) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the page never reached: {condition}");
    }
}
