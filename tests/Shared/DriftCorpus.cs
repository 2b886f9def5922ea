using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ActionsGen.Testing;

/// <summary>A 2xx JSON response example of an OpenAPI description, keyed "operationId STATUS" (plus " name" for named examples).</summary>
internal sealed record ResponseExample(string Key, string OperationId, JsonNode Schema, JsonNode Example);

/// <summary>
/// One drifted document: what was done, the JSON, the deviations a lenient read must report ("path kind", in reading
/// order), and whether those differ from the example's own (<see cref="Drifts"/>: the mutation itself is drift).
/// </summary>
internal sealed record DriftMutation(string Name, string Json, IReadOnlyList<string> Expected, bool Drifts);

/// <summary>
/// The drift corpus: every response example of a description, each member of each object in it (into nested objects
/// and the first item of each list) removed, set to null, given a value of another JSON type, and each date-time made
/// unparseable; each list whose items may not be null given a null first item. The expected deviations of each
/// mutated document come from <see cref="DriftOracle"/>, so drift already in an example is expected in every mutation of it.
/// </summary>
internal sealed class DriftCorpus(JsonNode document)
{
    private enum EditKind
    {
        Remove,
        Set,
        InsertNull,
    }

    private sealed record Edit(string Name, ImmutableList<object> Steps, EditKind Kind, JsonNode? Value = null);

    public DriftOracle Oracle { get; } = new(document);

    /// <summary>Every 2xx <c>application/json</c> response example with a schema and a value other than null.</summary>
    public IEnumerable<ResponseExample> ResponseExamples()
    {
        foreach (var (_, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                if (operation is not JsonObject { } op || op["responses"] is not JsonObject responses)
                {
                    continue;
                }

                var operationId = op["operationId"]!.GetValue<string>();
                foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')))
                {
                    var media = Oracle.Follow(response)?["content"]?["application/json"];
                    if (media?["schema"] is not { } schema)
                    {
                        continue;
                    }

                    foreach (var (name, value) in Values(media))
                    {
                        yield return new ResponseExample(operationId + " " + status + (name is null ? string.Empty : " " + name), operationId, schema, value);
                    }
                }
            }
        }
    }

    /// <summary>The example as given, then each mutation of it.</summary>
    public IEnumerable<DriftMutation> Mutations(JsonNode schema, JsonNode example)
    {
        var baseline = Oracle.Deviations(schema, example);
        yield return new DriftMutation("as given", example.ToJsonString(), baseline, false);
        foreach (var edit in Edits(schema, example, ImmutableList<object>.Empty, "$"))
        {
            var mutated = Apply(example, edit);
            var expected = Oracle.Deviations(schema, mutated);
            yield return new DriftMutation(edit.Name, mutated.ToJsonString(), expected, !expected.SequenceEqual(baseline));
        }
    }

    // The mutations of the value at `steps`: its members' when it is an object, its first item's when it is a list.
    private IEnumerable<Edit> Edits(JsonNode? schema, JsonNode? value, ImmutableList<object> steps, string path)
    {
        var resolved = Oracle.Resolve(schema);
        if (resolved.Shape == DriftShape.Object && value is JsonObject members)
        {
            foreach (var (name, member) in members)
            {
                if (resolved.Properties.TryGetPropertyValue(name, out var property))
                {
                    foreach (var edit in MemberEdits(property, member, steps.Add(name), DriftOracle.Member(path, name)))
                    {
                        yield return edit;
                    }
                }
            }
        }
        else if (resolved.Shape == DriftShape.Array && value is JsonArray items)
        {
            if (Oracle.NullItemDeviates(resolved.Items))
            {
                yield return new Edit(path + "[0] inserted null", steps, EditKind.InsertNull);
            }

            if (items.Count > 0)
            {
                foreach (var edit in Edits(resolved.Items, items[0], steps.Add(0), path + "[0]"))
                {
                    yield return edit;
                }
            }
        }
    }

    private IEnumerable<Edit> MemberEdits(JsonNode? schema, JsonNode? value, ImmutableList<object> steps, string path)
    {
        yield return new Edit(path + " removed", steps, EditKind.Remove);
        if (value is not null)
        {
            yield return new Edit(path + " = null", steps, EditKind.Set);
        }

        var shape = Oracle.Resolve(schema).Shape;
        if (OtherType(shape) is { } other)
        {
            yield return new Edit(path + " = " + other.ToJsonString(), steps, EditKind.Set, other);
        }

        if (shape == DriftShape.DateTime)
        {
            yield return new Edit(path + " = \"not a date\"", steps, EditKind.Set, JsonValue.Create("not a date"));
        }

        foreach (var edit in Edits(schema, value, steps, path))
        {
            yield return edit;
        }
    }

    // A value of another JSON type than the shape; none for unions and free-form values, which take any.
    private static JsonNode? OtherType(DriftShape shape) => shape switch
    {
        DriftShape.String or DriftShape.DateTime => JsonValue.Create(12345),
        DriftShape.Integer or DriftShape.Number or DriftShape.Boolean or DriftShape.Object or DriftShape.Map or DriftShape.Array => JsonValue.Create("x"),
        _ => null,
    };

    private static JsonNode Apply(JsonNode example, Edit edit)
    {
        var root = example.DeepClone();
        if (edit.Kind == EditKind.InsertNull)
        {
            ((JsonArray)At(root, edit.Steps)).Insert(0, null);
            return root;
        }

        var owner = (JsonObject)At(root, edit.Steps.RemoveAt(edit.Steps.Count - 1));
        var name = (string)edit.Steps[^1];
        if (edit.Kind == EditKind.Remove)
        {
            owner.Remove(name);
        }
        else
        {
            owner[name] = edit.Value?.DeepClone();
        }

        return root;
    }

    private static JsonNode At(JsonNode root, IEnumerable<object> steps) =>
        steps.Aggregate(root, (node, step) => step is int index ? node[index]! : node[(string)step]!);

    // The example values of a media type: `example`, or each of `examples` by name (following $ref).
    private IEnumerable<(string? Name, JsonNode Value)> Values(JsonNode media)
    {
        if (media.AsObject().TryGetPropertyValue("example", out var example) && example is not null)
        {
            yield return (null, example);
        }

        foreach (var (name, named) in media["examples"] as JsonObject ?? new JsonObject())
        {
            if (Oracle.Follow(named)?["value"] is { } value)
            {
                yield return (name, value);
            }
        }
    }
}
