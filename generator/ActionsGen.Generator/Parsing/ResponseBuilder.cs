using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>An operation's request body and responses → models, and what its method returns: the result and the page walk.</summary>
internal sealed class ResponseBuilder
{
    private readonly SchemaResolver _schemas;

    public ResponseBuilder(SchemaResolver schemas) => _schemas = schemas;

    public RequestBodyModel? Body(OperationContext operation, Identifiers.Scope parameterNames)
    {
        var requestBody = operation.Operation.RequestBody;
        if (requestBody?.Content is not { } content || OpenApiValues.JsonContent(content) is not { } media || media.Value.Schema is not { } schema)
        {
            return null;
        }

        var type = _schemas.Resolve(schema, OperationNames.RequestContext(operation.TypeContext), operation.Pointer + "/requestBody/content/" + YamlScan.EscapePointer(media.Key) + "/schema");
        if (type.Kind != TypeRefKind.Named)
        {
            // Only generated types write themselves; any other body is sent as the JSON the caller gives.
            type = TypeRef.Any;
        }

        return new RequestBodyModel(type, requestBody.Required, parameterNames.Claim(OperationNames.BodyParameter), requestBody.Description);
    }

    public List<ResponseModel> Responses(OperationContext operation)
    {
        var responses = new List<ResponseModel>();
        var result = true;
        foreach (var response in operation.Operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (response.Value is null)
            {
                responses.Add(new ResponseModel(response.Key, null, null, false, EquatableArray<string>.Empty));
                continue;
            }

            TypeRef? body = null;
            var nullable = false;
            if (OpenApiValues.JsonContent(response.Value.Content) is { Value.Schema: { } schema } media && !IsEmptyObjectAck(response.Key, schema))
            {
                // The result's type is {operation}Response; the other responses' are named by their status.
                var success = IsClass(response.Key, '2');
                var context = OperationNames.ResponseContext(operation.TypeContext, success && result ? null : response.Key);
                result &= !success;
                body = _schemas.Resolve(schema, context, operation.Pointer + "/responses/" + YamlScan.EscapePointer(response.Key) + "/content/" + YamlScan.EscapePointer(media.Key) + "/schema");
                nullable = schema.Nullable;
            }

            responses.Add(new ResponseModel(
                response.Key,
                response.Value.Description,
                body,
                nullable,
                response.Value.Headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray()));
        }

        return responses;
    }

    // A 201/202 whose body is an object with no properties (GitHub's `empty-object`) says nothing: the method returns Task.
    private static bool IsEmptyObjectAck(string status, OpenApiSchema schema) =>
        status is "201" or "202"
        && schema.Type is null or "object"
        && schema.Properties.Count == 0
        && schema.AdditionalProperties is null
        && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0;

    /// <summary>
    /// The result of the success response: the first 2xx with a body decides; with no 2xx at all, a 3xx other than 304
    /// makes a redirect (with or without a declared <c>Location</c>).
    /// </summary>
    public static (ResultKind Kind, TypeRef? Type) ResultOf(List<ResponseModel> responses)
    {
        if (responses.Find(r => IsClass(r.StatusCode, '2') && r.Body is not null) is { Body: { } body } success)
        {
            return body switch
            {
                { Kind: TypeRefKind.Named, NamedKind: TypeModelKind.Object } when success.BodyNullable => (ResultKind.NullableJson, body),
                { Kind: TypeRefKind.Named } => (ResultKind.Json, body),
                { Kind: TypeRefKind.Array, Element: { Kind: TypeRefKind.Named } element, ElementNullable: false } => (ResultKind.JsonList, element),
                _ => (ResultKind.RawJson, TypeRef.Any),
            };
        }

        return !responses.Exists(r => IsClass(r.StatusCode, '2')) && responses.Exists(r => IsClass(r.StatusCode, '3') && r.StatusCode != "304")
            ? (ResultKind.Redirect, null)
            : (ResultKind.None, null);
    }

    private static bool IsClass(string status, char first) => status.Length == 3 && status[0] == first;

    /// <summary>A page walk when the operation takes <c>page</c> and <c>per_page</c> and its model has exactly one list of generated types.</summary>
    public PaginationModel? PaginationOf(OperationContext operation, List<ParameterModel> parameters, TypeRef pageType, Identifiers.Scope methodNames)
    {
        var page = parameters.Find(p => p.Location == ParameterIn.Query && p.JsonName == "page" && !p.Required && p.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64);
        if (page is null || pageType.NamedKind != TypeModelKind.Object || !parameters.Exists(p => p.Location == ParameterIn.Query && p.JsonName == "per_page"))
        {
            return null;
        }

        var lists = _schemas.Find(pageType.Name!).Properties
            .Where(p => p.Type is { Kind: TypeRefKind.Array, ElementNullable: false, Element.Kind: TypeRefKind.Named })
            .ToList();
        if (lists.Count != 1)
        {
            return null;
        }

        var walkName = methodNames.Claim(OperationNames.PageWalk(operation.Name, operation.OperationId));
        return new PaginationModel(walkName, pageType, lists[0].Name, lists[0].AdmitsNull, lists[0].Type.Element!, page.Name);
    }
}
