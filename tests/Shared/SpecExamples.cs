using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionsGen.Testing;

/// <summary>The JSON examples attached to the checked-in spec, keyed "operationId request|STATUS".</summary>
internal static partial class SpecExamples
{
    public static readonly string SpecPath = Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Load);

    private static readonly Lazy<JsonNode> WholeSpec = new(() => JsonNode.Parse(ToJson(LoadRoot()))!);

    public static IReadOnlyDictionary<string, string> Examples => All.Value;

    /// <summary>The whole spec as JSON (schemas and examples alike), for walking its schemas beside its examples.</summary>
    public static JsonNode Document => WholeSpec.Value;

    public static string Get(string key) => All.Value[key];

    private static YamlMappingNode LoadRoot()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(SpecPath)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        var root = LoadRoot();
        var result = new Dictionary<string, string>();
        foreach (var (_, pathItem) in (YamlMappingNode)root["paths"])
        {
            foreach (var (_, operationNode) in (YamlMappingNode)pathItem)
            {
                var operation = (YamlMappingNode)operationNode;
                var id = ((YamlScalarNode)operation["operationId"]).Value!;
                if (operation.Children.TryGetValue("requestBody", out var body) && Example(body) is { } request)
                {
                    result[id + " request"] = request;
                }

                foreach (var (status, response) in (YamlMappingNode)operation["responses"])
                {
                    if (Example(response) is { } json)
                    {
                        result[id + " " + ((YamlScalarNode)status).Value] = json;
                    }
                }
            }
        }

        return result;
    }

    private static string? Example(YamlNode owner)
    {
        if (owner is not YamlMappingNode map || !map.Children.TryGetValue("content", out var content))
        {
            return null;
        }

        var media = (YamlMappingNode)((YamlMappingNode)content)["application/json"];
        if (!media.Children.TryGetValue("example", out var example))
        {
            return null;
        }

        return ToJson(example);
    }

    private static string ToJson(YamlNode node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // YAML → JSON: a quoted scalar is a string; a plain one is null, a boolean or a number as JSON spells them, else a string.
    internal static void WriteJson(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    WriteJson(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain:
                switch (scalar.Value)
                {
                    case "null" or "~" or "": writer.WriteNullValue(); break;
                    case "true": writer.WriteBooleanValue(true); break;
                    case "false": writer.WriteBooleanValue(false); break;
                    case var number when JsonNumber().IsMatch(number!): writer.WriteRawValue(number!); break;
                    default: writer.WriteStringValue(scalar.Value); break;
                }

                break;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
