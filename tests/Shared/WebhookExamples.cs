using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ActionsGen.Testing;

/// <summary>One webhook of the checked-in spec with its payload example: what a delivery of it carries.</summary>
public sealed record WebhookExample(string Name, string OperationId, string Event, string? Action, string Json);

/// <summary>The payload examples under the checked-in spec's <c>x-webhooks</c>, in spec order.</summary>
internal static class WebhookExamples
{
    private static readonly Lazy<IReadOnlyList<WebhookExample>> Loaded = new(Load);

    public static IReadOnlyList<WebhookExample> All => Loaded.Value;

    public static WebhookExample Get(string name) => All.Single(e => e.Name == name);

    private static IReadOnlyList<WebhookExample> Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(SpecExamples.SpecPath)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new List<WebhookExample>();
        foreach (var (name, item) in (YamlMappingNode)root["x-webhooks"])
        {
            var operation = (YamlMappingNode)((YamlMappingNode)item)["post"];
            var media = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)operation["requestBody"])["content"])["application/json"];
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                SpecExamples.WriteJson(writer, media["example"]);
            }

            var json = Encoding.UTF8.GetString(buffer.ToArray());
            var action = JsonDocument.Parse(json).RootElement.TryGetProperty("action", out var a) ? a.GetString() : null;
            var @event = ((YamlScalarNode)((YamlMappingNode)operation["x-github"])["subcategory"]).Value!;
            result.Add(new WebhookExample(((YamlScalarNode)name).Value!, ((YamlScalarNode)operation["operationId"]).Value!, @event, action, json));
        }

        return result;
    }
}
