// Classifies a picture with a learner exported from a notebook (learn.Export), as a .NET 10 file-based app:
//   dotnet run samples/predict.cs -- classifier.nbdl picture.png
// In your own folder, outside this repository, reference the packages instead of the project:
//   #:package NotebookDL@0.9.0
//   #:package TorchSharp-cpu@0.107.0
#:project ../src/NotebookDL/NotebookDL.csproj
#:package TorchSharp-cpu
#:property PublishAot=false
using NotebookDL.Learning;
using NotebookDL.Vision;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run predict.cs -- <exported learner> <picture>");
    return 2;
}
NotebookDL.Engine.ProcessSetup.Apply();
var clock = System.Diagnostics.Stopwatch.StartNew();
using var learn = Learner.Load<VisionLearner>(args[0]);
var loaded = clock.Elapsed;
var prediction = learn.Predict(args[1]);
Console.WriteLine($"{prediction.Label} ({prediction.Output.Max():P1})");
foreach (var (cls, p) in learn.Dls.Vocab!.Zip(prediction.Output).OrderByDescending(x => x.Second).Take(3))
    Console.WriteLine($"  {cls,-12} {p,7:P1}");
Console.WriteLine($"loaded in {loaded.TotalMilliseconds:F0} ms, predicted in {(clock.Elapsed - loaded).TotalMilliseconds:F0} ms");
return 0;
