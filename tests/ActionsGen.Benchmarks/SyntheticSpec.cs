using YamlDotNet.RepresentationModel;

namespace ActionsGen.Benchmarks;

/// <summary>
/// A spec N times the size of the checked-in one: every schema and path copied N-1 more times under new names
/// (<c>job-v2</c>, <c>/v2/repos/…</c>), references and operation ids renamed to match, examples included.
/// </summary>
internal static class SyntheticSpec
{
    public static string Scale(string spec, int factor)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(spec));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
        var paths = (YamlMappingNode)root["paths"];
        var originalSchemas = schemas.Children.ToArray();
        var originalPaths = paths.Children.ToArray();
        for (var copy = 2; copy <= factor; copy++)
        {
            var suffix = "-v" + copy;
            foreach (var (key, node) in originalSchemas)
            {
                schemas.Add(((YamlScalarNode)key).Value + suffix, Clone(node, suffix));
            }

            foreach (var (key, node) in originalPaths)
            {
                paths.Add("/v" + copy + ((YamlScalarNode)key).Value, Clone(node, suffix));
            }
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode Clone(YamlNode node, string suffix, string? key = null) => node switch
    {
        YamlMappingNode map => new YamlMappingNode(map.Children.Select(pair =>
            new KeyValuePair<YamlNode, YamlNode>(Clone(pair.Key, suffix), Clone(pair.Value, suffix, (pair.Key as YamlScalarNode)?.Value)))),
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(child => Clone(child, suffix))),
        YamlScalarNode scalar => new YamlScalarNode(Rename(scalar.Value, key, suffix)) { Style = scalar.Style },
        _ => node,
    };

    private static string? Rename(string? value, string? key, string suffix) => key switch
    {
        "$ref" when value!.StartsWith("#/components/schemas/", StringComparison.Ordinal) => value + suffix,
        "operationId" => value + suffix,
        _ => value,
    };
}
