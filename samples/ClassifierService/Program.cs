// A classifier service: loads a learner exported with learn.Export(path) and classifies uploaded pictures.
//   dotnet run --project samples/ClassifierService -- --model classifier.nbdl [--urls http://127.0.0.1:5000]
using ClassifierService;

var builder = WebApplication.CreateSlimBuilder(args);
var modelPath = builder.Configuration["model"]
    ?? throw new ArgumentException("Pass the exported learner: --model path/to/classifier.nbdl (written by learn.Export).");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = PredictEndpoint.MaxUploadBytes);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

NotebookDL.Engine.ProcessSetup.Apply();
using var classifier = new Classifier(modelPath);
var app = builder.Build();

app.MapGet("/", () => Results.Content(UploadPage.Html(classifier.Classes), "text/html; charset=utf-8"));
app.MapGet("/health", () => Results.Json(new Health("ok", Path.GetFileName(modelPath), classifier.Classes, classifier.Served)));
app.MapPost("/predict", (HttpRequest request, CancellationToken cancel) => PredictEndpoint.Handle(request, classifier, cancel));

await app.StartAsync();
// The line a parent process (the lesson, the tests) waits for, with the port when --urls asked for port 0.
Console.WriteLine($"listening on {string.Join(" ", app.Urls)}");
await app.WaitForShutdownAsync();

internal sealed record Health(string Status, string Model, IReadOnlyList<string> Classes, long Served);
