using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.Serialization;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>Size of a body of generated C#: what the compiler reads (lines, bytes) and binds (syntax nodes).</summary>
internal sealed record CodeSize(int Files, long Lines, long Bytes, long SyntaxNodes)
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);

    /// <summary>Parses file by file, keeping no tree, so a million lines fit.</summary>
    public static CodeSize Measure(IEnumerable<string> files)
    {
        int count = 0;
        long lines = 0, bytes = 0, nodes = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            count++;
            bytes += new FileInfo(file).Length;
            lines += text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
            nodes += CSharpSyntaxTree.ParseText(text, Options).GetRoot().DescendantNodesAndSelf().LongCount();
        }

        return new CodeSize(count, lines, bytes, nodes);
    }

    /// <summary>The files ActionsGen wrote under obj/ in a build with <c>-p:EmitCompilerGeneratedFiles=true</c>.</summary>
    public static IEnumerable<string> ActionsGenFiles(string projectDirectory) =>
        Directory.EnumerateFiles(Path.Combine(projectDirectory, "obj"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains(Path.DirectorySeparatorChar + "ActionsGen.Generator" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}

/// <summary>
/// Counts the schema properties a description declares: the entries of every <c>properties</c> map of every schema,
/// inline or under components, each declaration once (a <c>$ref</c> is not followed). Example and default values are
/// not schemas, so they are not looked into.
/// </summary>
internal static class SchemaProperties
{
    private static readonly HashSet<string> Values = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    public static long Count(string path)
    {
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? File.ReadAllText(path) : YamlToJson(File.ReadAllText(path));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return Walk(document.RootElement, propertyMap: false);
    }

    private static long Walk(JsonElement element, bool propertyMap)
    {
        long count = 0;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                count += Walk(item, false);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (propertyMap)
                {
                    count += 1 + Walk(member.Value, false);
                }
                else if (!Values.Contains(member.Name))
                {
                    count += Walk(member.Value, member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object);
                }
            }
        }

        return count;
    }

    private static string YamlToJson(string yaml)
    {
        var value = new DeserializerBuilder().Build().Deserialize(new StringReader(yaml));
        return new SerializerBuilder().JsonCompatible().Build().Serialize(value);
    }
}
