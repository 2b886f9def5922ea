using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>Spec file → <see cref="ParseResult"/>. Never throws: an unexpected exception becomes ACTG099 (<see cref="Guard"/>).</summary>
internal static class SpecParser
{
    /// <summary>For tests of the ACTG099 guard only: runs first inside it, so a test can make parsing fail.</summary>
    internal static Action<SpecFile>? FaultInjection { get; set; }

    /// <summary>The parse of <paramref name="file"/>: remembered from an earlier build of this process when nothing changed (<see cref="ParseMemo"/>).</summary>
    public static ParseResult Parse(SpecFile file, GeneratorSettings settings) =>
        FaultInjection is null ? ParseMemo.GetOrParse(file, settings, ParseText) : ParseText(file, settings);

    /// <summary>A parse of its own, never the memo's: what <see cref="Parse"/> remembers, and what tests compare.</summary>
    internal static ParseResult ParseText(SpecFile file, GeneratorSettings settings)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            FaultInjection?.Invoke(file);
            var ns = file.Namespace ?? settings.Namespace;
            if (!Naming.Identifiers.IsValidNamespace(ns))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidNamespace, file.Path, SpecPosition.Start, ns, file.Path));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var clientName = file.ClientName ?? settings.ClientName;
            if (ClientNameProblem(clientName) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidClientName, file.Path, SpecPosition.Start, clientName, file.Path, problem));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var read = SpecReader.Read(file);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Document is null || read.Scan is null || HasErrors(diagnostics))
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var model = ApiModelBuilder.Build(read.Document, read.Scan, file, ns, clientName, read.Skipped, diagnostics);
            return new ParseResult(HasErrors(diagnostics) ? null : model, diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InternalError, file.Path, SpecPosition.Start, file.Path, Guard.Describe(e)));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>
    /// The spec that owns each namespace: of the specs generating into it, the first by path. Namespaces that differ only
    /// in case are one here: the names of their files would be equal ignoring case, as Roslyn compares them.
    /// </summary>
    public static EquatableArray<string> NamespaceOwners(System.Collections.Immutable.ImmutableArray<(string Namespace, string SpecPath)> specs) =>
        specs
            .Where(spec => spec.Namespace is not null)
            .GroupBy(spec => spec.Namespace, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.Select(spec => spec.SpecPath).OrderBy(path => path, StringComparer.Ordinal).First())
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>
    /// The result as it stands if its spec owns its namespace; otherwise no model and ACTG010, since two specs in one
    /// namespace would generate the same types and files.
    /// </summary>
    public static ParseResult RequireOwnNamespace(ParseResult result, EquatableArray<string> namespaceOwners)
    {
        if (result.Model is not { } model || namespaceOwners.Contains(model.SpecPath))
        {
            return result;
        }

        var diagnostics = result.Diagnostics.ToList();
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateOutput, model.SpecPath, SpecPosition.Start, model.Namespace, model.SpecPath));
        return new ParseResult(null, diagnostics.ToEquatableArray());
    }

    // Why clientName cannot name the client, or null. Its file would have the resolver's name (ignoring case, as Roslyn compares them).
    private static string? ClientNameProblem(string clientName) =>
        !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(clientName) || Naming.Identifiers.IsKeyword(clientName) ? "it is not a C# class name"
        : Naming.Identifiers.TypeScope(Naming.GeneratorTypeNames.Resolver).IsTaken(clientName) ? "the generated " + Naming.GeneratorTypeNames.Resolver + " has that name"
        : null;

    private static bool HasErrors(List<DiagnosticInfo> diagnostics) =>
        diagnostics.Exists(d => Descriptors.Find(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
}
