using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Directives;
using NotebookDL.Display;
using NotebookDL.Display.Magics;

namespace NotebookDL.Interactive;

/// <summary>
/// NotebookDL's magics as directives of the .NET Interactive host (<c>#!seed 0</c>, <c>#!threads 2</c>): the same
/// definitions the Jupyter kernel runs (<see cref="TorchMagics"/>), added only where the host has no directive of
/// that name. Each takes one value; the host itself reports a missing one.
/// </summary>
public static class InteractiveMagics
{
    /// <summary>Adds <c>#!seed</c> and <c>#!threads</c> where the kernel lacks them; returns the names added.</summary>
    public static IReadOnlyList<string> Add(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var existing = kernel.KernelInfo.SupportedDirectives.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        Add<SeedCommand>(kernel, TorchMagics.Seed(), existing, added);
        Add<ThreadsCommand>(kernel, TorchMagics.Threads(), existing, added);
        return added;
    }

    // The host routes a parsed directive to the handler of its command type, so every magic has a type of its own.
    private static void Add<TCommand>(Kernel kernel, Magic magic, HashSet<string> existing, List<string> added)
        where TCommand : MagicCommand
    {
        var name = "#!" + magic.Name;
        if (existing.Contains(name)) return;
        KernelCommandEnvelope.RegisterCommand<TCommand>();
        var directive = new KernelActionDirective(name)
        {
            Description = magic.Description,
            KernelCommandType = typeof(TCommand),
            Parameters = { new KernelDirectiveParameter("--value", magic.Parameters.Single().Description) { AllowImplicitName = true, Required = true } },
        };
        kernel.AddDirective<TCommand>(directive, (command, _) =>
        {
            var bundle = magic.Handler(new MagicInvocation(magic.Name, [command.Value], "", MagicRegistry.Default));
            if (bundle is not null) Displayer.DisplayBundle(bundle);
            return Task.CompletedTask;
        });
        added.Add(name);
    }

    /// <summary>What a magic directive parses into: its one value.</summary>
    public abstract class MagicCommand : KernelCommand
    {
        public string Value { get; set; } = "";
    }

    public sealed class SeedCommand : MagicCommand;

    public sealed class ThreadsCommand : MagicCommand;
}
