using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using NativeAudit;
using NotebookDL.Engine;
using static TorchSharp.torch;

// Usage:
//   NativeAudit [--guarded] [--report FILE]    audit every case; each abort restarts the child at the next case
//   NativeAudit --child FROM [--guarded]        (internal) run cases FROM.. and print one line per case
// --guarded calls NotebookDL's guard instead of TorchSharp's method wherever NativeGuards has one, which is what
// cells (kernel, .NET Interactive extension) and the library's own code call.
var guarded = args.Contains("--guarded");
var childAt = Array.IndexOf(args, "--child");
if (childAt >= 0) return Child.Run(int.Parse(args[childAt + 1]), guarded);
var reportAt = Array.IndexOf(args, "--report");
return Parent.Run(guarded, reportAt >= 0 ? args[reportAt + 1] : null);

namespace NativeAudit
{
    internal static class Child
    {
        public static int Run(int from, bool guarded)
        {
            var cases = AuditCases.All();
            var output = Console.Out;
            Directory.SetCurrentDirectory(Directory.CreateTempSubdirectory("nbdl-audit-").FullName); // for anything that writes "bad"
            for (var i = from; i < cases.Count; i++)
            {
                var c = cases[i];
                output.WriteLine($"B {i}");
                output.Flush();
                string outcome;
                using (NewDisposeScope())
                {
                    try
                    {
                        var receiver = c.Info.IsStatic ? null : AuditCases.Receiver(c.Profile);
                        var arguments = c.Arguments();
                        var guard = guarded ? Guards.For(c.Info) : null;
                        if (guard is not null) guard.Invoke(null, receiver is null ? arguments : [receiver, .. arguments]);
                        else c.Info.Invoke(receiver, arguments);
                        outcome = "ok";
                    }
                    catch (Exception ex)
                    {
                        var inner = ex is TargetInvocationException { InnerException: { } e } ? e : ex;
                        outcome = $"threw {inner.GetType().Name}: {FirstLine(inner.Message)}";
                    }
                }
                ResetProcessState();
                output.WriteLine($"E {i} {outcome}");
            }
            output.WriteLine("DONE");
            output.Flush();
            return 0;
        }

        private static void ResetProcessState()
        {
            set_grad_enabled(true);
        }

        private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
    }

    /// <summary>Finds NotebookDL's guard for a TorchSharp method: same name, the receiver (if any) then the same parameters.</summary>
    internal static class Guards
    {
        public static MethodInfo? For(MethodInfo method)
        {
            var wanted = (method.IsStatic ? [] : new[] { typeof(Tensor) }).Concat(method.GetParameters().Select(p => p.ParameterType)).ToArray();
            return typeof(NativeGuards).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(g => g.Name == method.Name && g.GetParameters().Select(p => p.ParameterType).SequenceEqual(wanted)
);
        }
    }

    internal sealed record Finding(string Method, string Profile, string Ending, string NativeMessage);

    internal static class Parent
    {
        public static int Run(bool guarded, string? reportPath)
        {
            var cases = AuditCases.All();
            var methods = cases.Select(c => c.Method).Distinct().Count();
            var aborts = new List<Finding>();
            var outcomes = new Dictionary<int, string>();
            var started = Stopwatch.StartNew();
            var restarts = 0;
            for (var from = 0; from < cases.Count;)
            {
                var (last, ending, stderr) = RunChild(from, guarded, outcomes);
                if (last is null) break; // DONE
                aborts.Add(new Finding(cases[last.Value].Method, cases[last.Value].Profile, ending, stderr));
                Console.Error.WriteLine($"ABORT {cases[last.Value].Method} [{cases[last.Value].Profile}]: {ending}: {stderr}");
                from = last.Value + 1;
                restarts++;
            }
            var threw = outcomes.Values.Count(o => o.StartsWith("threw", StringComparison.Ordinal));
            var abortingMethods = aborts.Select(a => a.Method).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList();
            Console.WriteLine($"audit{(guarded ? " (through NotebookDL's guards)" : "")}: {cases.Count} calls of {methods} operations " +
                              $"with bad arguments in {started.Elapsed.TotalSeconds:F0} s: {outcomes.Count(o => o.Value == "ok")} returned, " +
                              $"{threw} threw a .NET exception, {aborts.Count} ended the process ({abortingMethods.Count} operations)");
            foreach (var m in abortingMethods)
                Console.WriteLine($"  ABORTS {m}: {string.Join("; ", aborts.Where(a => a.Method == m).Select(a => $"[{a.Profile}] {a.NativeMessage}"))}");
            // Run raw, the audit fails for an aborting operation that NotebookDL does not guard (a TorchSharp upgrade
            // that adds one); run through the guards, for any abort at all.
            var unguarded = guarded ? abortingMethods
                : abortingMethods.Where(m => Guards.For(cases.First(c => c.Method == m).Info) is null).ToList();
            Console.WriteLine(guarded ? "" : $"without a guard in NotebookDL.Engine.NativeGuards: {unguarded.Count}{(unguarded.Count > 0 ? ": " + string.Join(", ", unguarded) : "")}");
            if (reportPath is not null)
                File.WriteAllText(reportPath, JsonSerializer.Serialize(new
                {
                    guarded, calls = cases.Count, operations = methods, threw, aborts, abortingOperations = abortingMethods, unguarded,
                }, new JsonSerializerOptions { WriteIndented = true }));
            return unguarded.Count == 0 ? 0 : 1;
        }

        /// <summary>Runs a child from a case; returns the case it died in (null when it finished) and how it ended.</summary>
        private static (int? Last, string Ending, string Stderr) RunChild(int from, bool guarded, Dictionary<int, string> outcomes)
        {
            var self = Environment.ProcessPath!;
            var dll = typeof(Parent).Assembly.Location;
            var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("--child");
            psi.ArgumentList.Add(from.ToString());
            if (guarded) psi.ArgumentList.Add("--guarded");
            psi.Environment["OMP_NUM_THREADS"] = "1";
            using var child = Process.Start(psi)!;
            var stderr = new System.Text.StringBuilder();
            child.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
            child.BeginErrorReadLine();
            int? open = null;
            var done = false;
            // A case that takes more than a minute counts as a hang: the child is killed and the case reported.
            var reader = child.StandardOutput;
            while (true)
            {
                var read = reader.ReadLineAsync();
                if (!read.Wait(TimeSpan.FromSeconds(60)))
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit();
                    return (open, "hung (killed after 60 s)", "");
                }
                var line = read.Result;
                if (line is null) break;
                if (line == "DONE") { done = true; continue; }
                if (line.StartsWith("B ", StringComparison.Ordinal)) open = int.Parse(line[2..]);
                else if (line.StartsWith("E ", StringComparison.Ordinal))
                {
                    var space = line.IndexOf(' ', 2);
                    outcomes[int.Parse(line[2..space])] = line[(space + 1)..];
                    open = null;
                }
            }
            child.WaitForExit();
            if (done && child.ExitCode == 0) return (null, "", "");
            string text;
            lock (stderr) text = stderr.ToString();
            var what = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("what():", StringComparison.Ordinal))
                       ?? text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            return (open ?? from, $"exit code {child.ExitCode}", what.Length > 200 ? what[..200] : what);
        }
    }
}
