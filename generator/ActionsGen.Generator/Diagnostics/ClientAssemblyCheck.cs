using System.Collections.Immutable;
using System.Text;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActionsGen.Generator.Diagnostics;

/// <summary>
/// With <c>ActionsGenClientAssembly</c> the generated types live in <c>{AssemblyName}.ActionsGen</c>, which the
/// project references (and the generator runs with no spec in the project's own compile). A declaration of one of
/// them in the project, such as a <c>partial</c> that means to extend it, would silently become a second type: the
/// compiler's CS0436 and errors about missing members follow. This reports ACTG040 at the declaration, with the fix.
/// A generator's diagnostic is reported whatever errors the compile has (an analyzer's would not be); the check reads
/// namespace-level declarations from syntax alone (cached per file) and, per compile, looks for the client among the
/// referenced assemblies' names, then looks each declaration up in it.
/// </summary>
internal static class ClientAssemblyCheck
{
    /// <summary>
    /// The ACTG040 diagnostics of the compile, as data: recomputed per compile (a lookup per declaration), equal across
    /// edits that change nothing about them, so their output stays cached.
    /// </summary>
    public static IncrementalValueProvider<EquatableArray<DiagnosticInfo>> Diagnostics(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider
            .CreateSyntaxProvider(
                (node, _) => node is BaseTypeDeclarationSyntax { Parent: BaseNamespaceDeclarationSyntax },
                (syntax, _) => Declaration.From((BaseTypeDeclarationSyntax)syntax.Node))
            .Collect()
            .Combine(context.CompilationProvider)
            .Select((pair, _) => Check(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ClientAssemblyCheck);

    private static EquatableArray<DiagnosticInfo> Check(ImmutableArray<Declaration> declarations, Compilation compilation)
    {
        if (declarations.IsEmpty || FindClient(compilation) is not { } client)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var found = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (var declaration in declarations)
        {
            if (client.GetTypeByMetadataName(declaration.MetadataName) is { } generated)
            {
                found.Add(new DiagnosticInfo(
                    Descriptors.ExtendsClientAssemblyType.Id,
                    new EquatableArray<string>(new[] { generated.ToDisplayString(), client.Name }),
                    declaration.FilePath,
                    declaration.Line,
                    declaration.Column));
            }
        }

        return found.ToArray().ToEquatableArray();
    }

    private static IAssemblySymbol? FindClient(Compilation compilation)
    {
        if (compilation.AssemblyName is not { } name)
        {
            return null;
        }

        var clientName = GeneratorTypeNames.ClientAssembly(name);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == clientName)
            {
                return assembly;
            }
        }

        return null;
    }

    /// <summary>A namespace-level type declaration: its metadata name (namespace, name, `arity) and where its name is.</summary>
    private sealed record Declaration(string MetadataName, string FilePath, int Line, int Column)
    {
        public static Declaration From(BaseTypeDeclarationSyntax type)
        {
            var name = new StringBuilder(type.Identifier.ValueText);
            if (type is TypeDeclarationSyntax { TypeParameterList.Parameters.Count: > 0 and var arity })
            {
                name.Append('`').Append(arity);
            }

            for (var parent = type.Parent as BaseNamespaceDeclarationSyntax; parent is not null; parent = parent.Parent as BaseNamespaceDeclarationSyntax)
            {
                name.Insert(0, Dotted(parent.Name) + ".");
            }

            var position = type.Identifier.GetLocation().GetLineSpan().StartLinePosition;
            return new Declaration(name.ToString(), type.SyntaxTree.FilePath, position.Line, position.Character);
        }

        // A namespace's name as metadata spells it: identifiers' values (no '@', no trivia) joined by dots.
        private static string Dotted(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => Dotted(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };
    }
}
