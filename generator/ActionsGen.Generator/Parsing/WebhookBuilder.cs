using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using Microsoft.OpenApi.Writers;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// <c>x-webhooks</c> → <see cref="WebhooksModel"/>. Microsoft.OpenApi.Readers 1.x keeps an OpenAPI 3.0 document's
/// <c>x-webhooks</c> as plain extension data (and knows no 3.1 <c>webhooks</c>): each webhook's operation is read from
/// that data, and its payload schema is read as a fragment whose <c>$ref</c>s are then linked to the document's own
/// components, so a payload shares its types with the REST client (one <c>SimpleUser</c>, one <c>Job</c>). A webhook
/// that cannot be used is left out, or gets its payload as <c>JsonElement</c>, with ACTG030 at its line; nothing here
/// stops the rest of the spec from generating.
/// </summary>
internal sealed class WebhookBuilder
{
    public const string Extension = "x-webhooks";

    private const string SchemaPrefix = "#/components/schemas/";
    private const string RequestBodyPrefix = "#/components/requestBodies/";

    // GitHub delivers with POST; a description may give another method, and the first one present is the webhook.
    private static readonly string[] Methods = { "post", "put", "patch", "get", "delete", "head", "options", "trace" };

    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SchemaResolver _schemas;
    private readonly HashSet<string> _reportedReferences = new(StringComparer.Ordinal);

    public WebhookBuilder(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics, SchemaResolver schemas)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
        _schemas = schemas;
    }

    /// <summary>The webhooks the filter keeps, or null when the spec has none (then no webhook code is generated).</summary>
    public WebhooksModel? Build(string ns, string clientName, WebhookFilter filter)
    {
        if (_document.Extensions is null || !_document.Extensions.TryGetValue(Extension, out var extension))
        {
            return null;
        }

        const string root = "#/" + Extension;
        if (extension is not OpenApiObject hooks)
        {
            Warn(root, Extension, "is not a mapping of webhook names to Path Item objects", "no webhook is generated");
            return null;
        }

        var prefix = WebhookNames.Prefix(clientName);
        var handler = _schemas.ClaimTypeName(WebhookNames.Handler(prefix));
        var extensions = _schemas.ClaimTypeName(WebhookNames.Extensions(prefix));
        var members = WebhookNames.HandlerScope(handler);
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        var webhooks = new List<WebhookModel>();
        foreach (var pair in hooks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (BuildWebhook(root + "/" + YamlScan.EscapePointer(pair.Key), pair.Key, pair.Value, filter, members, routes) is { } webhook)
            {
                webhooks.Add(webhook);
            }
        }

        _diagnostics.AddRange(filter.Unmatched(_path, _scan.Find(root)));
        return webhooks.Count == 0
            ? null
            : new WebhooksModel(ns, handler, extensions, WebhookNames.AddHandler(handler), WebhookNames.Map(prefix), _document.Info?.Title, webhooks.ToEquatableArray());
    }

    /// <summary>
    /// The component schemas that <c>x-webhooks</c> reaches, directly or through other components: not "unused" when
    /// webhooks are off (ACTG016 names only schemas nothing in the spec uses).
    /// </summary>
    public static HashSet<string> ReachedComponents(OpenApiDocument document)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        if (document.Extensions is null || !document.Extensions.TryGetValue(Extension, out var extension))
        {
            return reached;
        }

        var components = document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        var pending = new Stack<OpenApiSchema>();
        foreach (var target in extension is IOpenApiAny data ? References(data) : Enumerable.Empty<string>())
        {
            if (target.StartsWith(SchemaPrefix, StringComparison.Ordinal) && components.TryGetValue(Unescape(target.Substring(SchemaPrefix.Length)), out var schema))
            {
                pending.Push(schema);
            }
            else if (target.StartsWith(RequestBodyPrefix, StringComparison.Ordinal)
                && document.Components?.RequestBodies?.TryGetValue(Unescape(target.Substring(RequestBodyPrefix.Length)), out var body) == true)
            {
                foreach (var media in body.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                {
                    if (media?.Schema is { } bodySchema)
                    {
                        pending.Push(bodySchema);
                    }
                }
            }
        }

        var seen = new HashSet<OpenApiSchema>();
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (schema is null || !seen.Add(schema))
            {
                continue;
            }

            if (schema.Reference is { IsLocal: true, Type: ReferenceType.Schema } reference && !schema.UnresolvedReference)
            {
                reached.Add(reference.Id);
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }

        return reached;
    }

    private WebhookModel? BuildWebhook(string pointer, string name, IOpenApiAny value, WebhookFilter filter, Identifiers.Scope members, Dictionary<string, string> routes)
    {
        if (value is not OpenApiObject item)
        {
            Warn(pointer, name, "is not a Path Item object", "it is skipped");
            return null;
        }

        var method = Methods.FirstOrDefault(m => item.TryGetValue(m, out var o) && o is OpenApiObject);
        if (method is null)
        {
            Warn(pointer, name, "has no operation (such as 'post')", "it is skipped");
            return null;
        }

        var operation = (OpenApiObject)item[method];
        var operationPointer = pointer + "/" + method;
        var operationId = Text(operation, "operationId") is { Length: > 0 } id ? id.Trim() : name;
        if (!filter.Keeps(name, operationId))
        {
            return null;
        }

        var (schema, kind, payload) = Payload(operation, operationPointer, name);
        var @event = Event(operation, operationId, name);
        var actions = Actions(schema, operationId);
        if (!Route(routes, @event, actions, name, operationPointer))
        {
            return null;
        }

        return new WebhookModel(
            name,
            operationId,
            @event,
            actions.ToEquatableArray(),
            WebhookNames.ClaimMethod(members, WebhookNames.Method(operationId)),
            kind,
            payload,
            Text(operation, "summary"),
            Text(operation, "description"));
    }

    /// <summary>
    /// Claims the webhook's place in the dispatch table: an event and action (or the event alone) that an earlier
    /// webhook already has would never reach it, so it is left out; an action that only some do is dropped from it.
    /// </summary>
    private bool Route(Dictionary<string, string> routes, string @event, List<string> actions, string name, string pointer)
    {
        var keys = actions.Count == 0 ? new List<string> { @event } : actions.Select(a => @event + "\n" + a).ToList();
        var taken = keys.Where(routes.ContainsKey).ToList();
        if (taken.Count > 0)
        {
            var what = actions.Count == 0 ? $"'{@event}'" : $"'{@event}' with action " + string.Join(", ", taken.Select(k => "'" + k.Substring(k.IndexOf('\n') + 1) + "'"));
            var other = routes[taken[0]];
            if (taken.Count == keys.Count)
            {
                Warn(pointer, name, $"is dispatched by the same event and action as the webhook '{other}' ({what})", "it is skipped");
                return false;
            }

            Warn(pointer, name, $"shares event and action {what} with the webhook '{other}'", "those deliveries go to the first");
            actions.RemoveAll(a => taken.Contains(@event + "\n" + a));
            keys = keys.Except(taken).ToList();
        }

        foreach (var key in keys)
        {
            routes[key] = name;
        }

        return true;
    }

    /// <summary>The payload: its schema (for the action), whether it is a model, and its type.</summary>
    private (OpenApiSchema? Schema, WebhookPayloadKind Kind, TypeRef Type) Payload(OpenApiObject operation, string pointer, string name)
    {
        var (schema, schemaPointer, problem) = PayloadSchema(operation, pointer, name);
        if (schema is null)
        {
            if (problem is not null)
            {
                Warn(schemaPointer, name, problem, "its method receives the payload as JsonElement");
            }

            return (null, WebhookPayloadKind.Raw, TypeRef.Any);
        }

        var type = _schemas.Resolve(schema, WebhookNames.PayloadContext(name), schemaPointer);
        if (type is { Kind: TypeRefKind.Named, NamedKind: TypeModelKind.Object or TypeModelKind.Union or TypeModelKind.IntegerOrString })
        {
            return (schema, WebhookPayloadKind.Model, type);
        }

        if (type.Kind != TypeRefKind.Any)
        {
            Warn(schemaPointer, name, "has a payload that is not a JSON object", "its method receives it as JsonElement");
        }

        return (schema, WebhookPayloadKind.Raw, TypeRef.Any);
    }

    private (OpenApiSchema? Schema, string Pointer, string? Problem) PayloadSchema(OpenApiObject operation, string pointer, string name)
    {
        var bodyPointer = pointer + "/requestBody";
        if (!operation.TryGetValue("requestBody", out var bodyValue) || bodyValue is not OpenApiObject body)
        {
            return (null, pointer, "has no request body (the payload)");
        }

        if (Text(body, "$ref") is { } bodyReference)
        {
            var id = bodyReference.StartsWith(RequestBodyPrefix, StringComparison.Ordinal) ? Unescape(bodyReference.Substring(RequestBodyPrefix.Length)) : null;
            if (id is null || _document.Components?.RequestBodies?.TryGetValue(id, out var shared) != true || shared is null)
            {
                Dangling(bodyReference, bodyPointer);
                return (null, bodyPointer, null);
            }

            var json = OpenApiValues.JsonContent(shared.Content ?? new Dictionary<string, OpenApiMediaType>());
            return json?.Value?.Schema is { } sharedSchema
                ? (sharedSchema, RequestBodyPrefix + YamlScan.EscapePointer(id) + "/content/" + YamlScan.EscapePointer(json.Value.Key) + "/schema", null)
                : (null, bodyPointer, "has a request body with no JSON schema");
        }

        if (!body.TryGetValue("content", out var contentValue) || contentValue is not OpenApiObject content)
        {
            return (null, bodyPointer, "has a request body with no content");
        }

        var mediaType = content.Keys.FirstOrDefault(IsJson);
        if (mediaType is null)
        {
            var others = string.Join(", ", content.Keys.Select(k => "'" + k + "'"));
            return (null, bodyPointer, content.Count == 0 ? "has a request body with no content" : $"has no JSON payload (only {others})");
        }

        var mediaPointer = bodyPointer + "/content/" + YamlScan.EscapePointer(mediaType);
        if (content[mediaType] is not OpenApiObject media || !media.TryGetValue("schema", out var schemaValue) || schemaValue is not OpenApiObject)
        {
            return (null, mediaPointer, "has no payload schema");
        }

        var schemaPointer = mediaPointer + "/schema";
        var schema = ReadSchema(schemaValue, schemaPointer, name);
        return (schema, schemaPointer, schema is null ? "has a payload schema that cannot be read" : null);
    }

    /// <summary>The schema written out of the extension data and read back as a fragment, its references linked.</summary>
    private OpenApiSchema? ReadSchema(IOpenApiAny value, string pointer, string name)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        value.Write(writer, OpenApiSpecVersion.OpenApi3_0);
        writer.Flush();
        var reader = new OpenApiStringReader(new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() });
        var schema = reader.ReadFragment<OpenApiSchema>(text.ToString(), OpenApiSpecVersion.OpenApi3_0, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
        {
            Warn(pointer, name, "has a payload schema that cannot be fully read (" + SpecReader.Clean(diagnostic.Errors[0].Message) + ")", "what could be read of it is used");
        }

        return schema is null ? null : Link(schema, pointer, new HashSet<OpenApiSchema>());
    }

    /// <summary>The fragment with each local <c>$ref</c> replaced by the document's component (ACTG004 for one that names none).</summary>
    private OpenApiSchema Link(OpenApiSchema schema, string pointer, HashSet<OpenApiSchema> seen)
    {
        if (schema.UnresolvedReference && schema.Reference is { } reference)
        {
            if (reference.IsLocal && reference.Type == ReferenceType.Schema && _document.Components?.Schemas?.TryGetValue(reference.Id, out var component) == true && component is not null)
            {
                return component;
            }

            if (reference.IsLocal)
            {
                Dangling(reference.ReferenceV3 ?? SchemaPrefix + reference.Id, pointer);
            }

            return schema;
        }

        if (!seen.Add(schema))
        {
            return schema;
        }

        foreach (var key in schema.Properties.Keys.ToList())
        {
            if (schema.Properties[key] is { } property)
            {
                schema.Properties[key] = Link(property, pointer, seen);
            }
        }

        schema.Items = schema.Items is null ? null : Link(schema.Items, pointer, seen);
        schema.AdditionalProperties = schema.AdditionalProperties is null ? null : Link(schema.AdditionalProperties, pointer, seen);
        schema.Not = schema.Not is null ? null : Link(schema.Not, pointer, seen);
        foreach (var parts in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is { } part)
                {
                    parts[i] = Link(part, pointer, seen);
                }
            }
        }

        return schema;
    }

    private void Dangling(string target, string pointer)
    {
        if (_reportedReferences.Add(target))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnresolvedReference, _path, _scan.FindReference(target) ?? _scan.Find(pointer), target));
        }
    }

    /// <summary>The <c>X-GitHub-Event</c> value: GitHub's <c>x-github.subcategory</c>, else the operationId up to its <c>/</c>, else the name.</summary>
    private static string Event(OpenApiObject operation, string operationId, string name)
    {
        if (operation.TryGetValue("x-github", out var github) && github is OpenApiObject details && Text(details, "subcategory") is { } subcategory && subcategory.Trim().Length > 0)
        {
            return subcategory.Trim();
        }

        var slash = operationId.IndexOf('/');
        return WebhookNames.Snake(slash > 0 ? operationId.Substring(0, slash) : name);
    }

    /// <summary>
    /// The payload <c>action</c>s the webhook is for: the values its <c>action</c> property allows (GitHub's payloads
    /// name exactly one), else the operationId after its <c>/</c>; none when neither says (an event without actions).
    /// </summary>
    private static List<string> Actions(OpenApiSchema? schema, string operationId)
    {
        var property = schema is null ? null : ActionProperty(schema, new HashSet<OpenApiSchema>());
        var values = property?.Enum.Select(OpenApiValues.Text).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        if (values is { Count: > 0 })
        {
            return values;
        }

        var slash = operationId.IndexOf('/');
        return slash > 0 && slash < operationId.Length - 1 ? new List<string> { WebhookNames.Snake(operationId.Substring(slash + 1)) } : new List<string>();
    }

    private static OpenApiSchema? ActionProperty(OpenApiSchema schema, HashSet<OpenApiSchema> seen)
    {
        if (!seen.Add(schema))
        {
            return null;
        }

        if (schema.Properties.TryGetValue("action", out var action) && action is not null)
        {
            return action.AllOf.Count == 1 && action.Enum.Count == 0 && action.AllOf[0] is { } only ? only : action;
        }

        return schema.AllOf.Where(p => p is not null).Select(p => ActionProperty(p, seen)).FirstOrDefault(p => p is not null);
    }

    private static IEnumerable<OpenApiSchema> Children(OpenApiSchema schema) =>
        schema.Properties.Values
            .Concat(schema.AllOf).Concat(schema.OneOf).Concat(schema.AnyOf)
            .Concat(new[] { schema.Items, schema.AdditionalProperties, schema.Not })
            .Where(s => s is not null);

    private static IEnumerable<string> References(IOpenApiAny value)
    {
        var pending = new Stack<IOpenApiAny>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case OpenApiObject map:
                    foreach (var pair in map)
                    {
                        if (pair.Key == "$ref" && pair.Value is OpenApiString target)
                        {
                            yield return target.Value;
                        }
                        else if (pair.Value is not null)
                        {
                            pending.Push(pair.Value);
                        }
                    }

                    break;
                case OpenApiArray list:
                    foreach (var item in list)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Text(OpenApiObject map, string key) => map.TryGetValue(key, out var value) ? OpenApiValues.Text(value) : null;

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private void Warn(string pointer, string name, string problem, string consequence) =>
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.WebhookNotUsable, _path, _scan.Find(pointer), name, problem, consequence));
}
