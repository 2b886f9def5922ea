using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActionsGen.Benchmarks;

/// <summary>
/// `generated-stats [spec] [outDir]`: where the syntax nodes of the generated code go, by kind of file and by kind of
/// member, so a cut in the emitters can be aimed (issue 9). Runs the generator in process; writes the files when an
/// output folder is given.
/// </summary>
internal static class GeneratedStats
{
    public static int Run(string? specPath, string? outDir)
    {
        var spec = File.ReadAllText(specPath ?? Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml"));
        var path = specPath is not null && specPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "/specs/spec.json" : "/specs/spec.yaml";
        var run = GeneratorHarness.Driver(spec, path, trackSteps: false).RunGenerators(GeneratorHarness.Compilation("class Program { }")).GetRunResult();
        var byFile = new Dictionary<string, (int Files, long Nodes, long Lines)>();
        var byMember = new Dictionary<string, long>();
        foreach (var source in run.Results[0].GeneratedSources)
        {
            var text = source.SourceText.ToString();
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                File.WriteAllText(Path.Combine(outDir, source.HintName), text);
            }

            var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
            var nodes = root.DescendantNodesAndSelf().LongCount();
            var kind = FileKind(root);
            var entry = byFile.GetValueOrDefault(kind);
            byFile[kind] = (entry.Files + 1, entry.Nodes + nodes, entry.Lines + text.Count(c => c == '\n'));
            foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax))
            {
                var key = kind + " / " + MemberKind(member);
                byMember[key] = byMember.GetValueOrDefault(key) + member.DescendantNodesAndSelf().LongCount();
            }
        }

        Console.WriteLine($"{run.Results[0].Diagnostics.Length} diagnostics");
        foreach (var (kind, (files, nodes, lines)) in byFile.OrderByDescending(p => p.Value.Nodes))
        {
            Console.WriteLine($"{kind,-24} {files,7} files {lines,10} lines {nodes,10} nodes");
        }

        foreach (var (key, nodes) in byMember.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {key,-50} {nodes,10} nodes");
        }

        return 0;
    }

    private static string FileKind(SyntaxNode root)
    {
        var type = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        return type switch
        {
            InterfaceDeclarationSyntax => "operations",
            EnumDeclarationSyntax => "enum",
            StructDeclarationSyntax s => "struct " + (s.Members.OfType<FieldDeclarationSyntax>().Any(f => f.ToString().Contains("JsonUnionTable")) ? "union" : "other"),
            ClassDeclarationSyntax c when c.Identifier.Text.EndsWith("Client", StringComparison.Ordinal) => "client",
            ClassDeclarationSyntax c when c.Identifier.Text.EndsWith("Resolver", StringComparison.Ordinal) => "resolver",
            ClassDeclarationSyntax => "model",
            _ => "other",
        };
    }

    private static string MemberKind(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax f when f.Modifiers.Any(SyntaxKind.StaticKeyword) => "static field",
        FieldDeclarationSyntax => "field",
        PropertyDeclarationSyntax => "property",
        ConstructorDeclarationSyntax c when c.ParameterList.Parameters.Count > 0 && c.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.RefKeyword) => "reading ctor",
        ConstructorDeclarationSyntax => "ctor",
        MethodDeclarationSyntax m when m.Parent is InterfaceDeclarationSyntax => "interface method",
        MethodDeclarationSyntax m when m.Identifier.Text == "WriteJson" => "WriteJson",
        MethodDeclarationSyntax m when m.Identifier.Text == "ReadJson" => "ReadJson",
        MethodDeclarationSyntax m when m.Parent is ClassDeclarationSyntax { Identifier.Text: "Requests" } => "request builder",
        MethodDeclarationSyntax => "method",
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => "operator",
        _ => member.Kind().ToString(),
    };
}
