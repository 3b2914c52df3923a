using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NotebookDL.Learning;
using NotebookDL.Vision;

namespace ClassifierService.Tests;

/// <summary>The service on loopback: answers as the learner does in-process, refuses bad uploads with a 4xx and keeps serving.</summary>
[Collection(nameof(ServiceCollection))]
public sealed class PredictTests(ServiceFixture fixture)
{
    private static async Task<(HttpStatusCode Status, JsonElement Json)> Post(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("predict", content);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, json);
    }

    private static ByteArrayContent Picture(byte[] bytes, string type = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private async Task AssertStillServing(HttpClient client)
    {
        var (status, json) = await Post(client, Picture(await File.ReadAllBytesAsync(fixture.Pictures[0])));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("label").GetString()));
        Assert.False(fixture.Service.HasExited);
    }

    [Fact]
    public async Task Health_names_the_model_and_its_classes()
    {
        using var client = fixture.Client();
        var json = JsonDocument.Parse(await client.GetStringAsync("health")).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal("classifier.nbdl", json.GetProperty("model").GetString());
        Assert.Equal(Datasets.FashionMnist.Classes, json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    [Fact]
    public async Task A_posted_picture_gets_the_answer_the_learner_gives_in_process()
    {
        using var learn = Learner.Load<VisionLearner>(fixture.ModelPath);
        using var client = fixture.Client();
        foreach (var path in fixture.Pictures)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            var expected = learn.Predict(bytes, path);
            var (status, json) = await Post(client, Picture(bytes));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(expected.Label, json.GetProperty("label").GetString());
            Assert.Equal((int)expected.Decoded[0], json.GetProperty("index").GetInt32());
            var probabilities = json.GetProperty("probabilities").EnumerateArray()
                .ToDictionary(p => p.GetProperty("class").GetString()!, p => p.GetProperty("probability").GetDouble());
            for (var i = 0; i < expected.Output.Length; i++)
                Assert.Equal(expected.Output[i], probabilities[Datasets.FashionMnist.Classes[i]], 9);
            Assert.True(json.GetProperty("elapsedMs").GetDouble() >= json.GetProperty("modelMs").GetDouble());
        }
    }

    [Fact]
    public async Task A_multipart_form_upload_works_like_a_raw_body()
    {
        using var client = fixture.Client();
        var bytes = await File.ReadAllBytesAsync(fixture.Pictures[1]);
        var (_, raw) = await Post(client, Picture(bytes));
        using var form = new MultipartFormDataContent { { Picture(bytes), "file", "test-1.png" } };
        var (status, json) = await Post(client, form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(raw.GetProperty("label").GetString(), json.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Bad_uploads_get_a_4xx_that_says_what_is_wrong_and_the_service_keeps_serving()
    {
        using var client = fixture.Client();

        var (status, json) = await Post(client, Picture([]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("empty", json.GetProperty("error").GetString());
        await AssertStillServing(client);

        (status, json) = await Post(client, Picture("this is not a picture at all"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Could not decode image", json.GetProperty("error").GetString());
        await AssertStillServing(client);

        // As a browser or curl sends a large upload: "Expect: 100-continue", so the 413 comes before the 50 MB are sent.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "predict") { Content = Picture(new byte[50 * 1024 * 1024]) })
        {
            request.Headers.ExpectContinue = true;
            using var response = await client.SendAsync(request);
            status = response.StatusCode;
            json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("10 MB", json.GetProperty("error").GetString());
        await AssertStillServing(client);

        // 10,000 x 10,000 gray pixels compress to a small file: refused from its header, before 100 MB are decoded.
        var huge = Path.Combine(fixture.Folder, "huge.png");
        ImageIO.SavePng(new Image(new byte[10_000 * 10_000], 10_000, 10_000, 1), huge);
        (status, json) = await Post(client, Picture(await File.ReadAllBytesAsync(huge)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("10,000 x 10,000", json.GetProperty("error").GetString());
        await AssertStillServing(client);

        var text = new StringContent("{\"picture\": 1}", System.Text.Encoding.UTF8, "application/json");
        (status, json) = await Post(client, text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", json.GetProperty("error").GetString());
        await AssertStillServing(client);
    }

    [Fact]
    public async Task Concurrent_clients_all_get_the_same_answer_for_the_same_picture()
    {
        var bytes = await File.ReadAllBytesAsync(fixture.Pictures[2]);
        using var client = fixture.Client();
        var (_, first) = await Post(client, Picture(bytes));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var own = fixture.Client();
            var labels = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var (status, json) = await Post(own, Picture(bytes));
                Assert.Equal(HttpStatusCode.OK, status);
                labels.Add(json.GetProperty("label").GetString()!);
            }
            return labels;
        }));
        Assert.All(answers.SelectMany(a => a), label => Assert.Equal(first.GetProperty("label").GetString(), label));
    }
}
