using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;
using OpenApiLocation = Microsoft.OpenApi.Models.ParameterLocation;

namespace ActionsGen.Generator.Parsing;

/// <summary>An operation's parameters → <see cref="ParameterModel"/>s in signature order, and its path template → <see cref="PathPart"/>s.</summary>
internal sealed class ParameterBuilder
{
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SchemaResolver _schemas;

    public ParameterBuilder(YamlScan scan, string path, List<DiagnosticInfo> diagnostics, SchemaResolver schemas)
    {
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
        _schemas = schemas;
    }

    /// <summary>What one operation's parameters give: the signature order and the path template's parts.</summary>
    internal sealed class Result
    {
        public Result(List<ParameterModel> parameters, List<PathPart> pathParts)
        {
            Parameters = parameters;
            PathParts = pathParts;
        }

        public List<ParameterModel> Parameters { get; }

        public List<PathPart> PathParts { get; }
    }

    /// <summary>
    /// Path parameters in path order, then required query and header parameters, then optional ones; null (with
    /// ACTG009) when the path uses a name the operation does not declare.
    /// </summary>
    public Result? Build(OperationContext operation, Identifiers.Scope parameterNames)
    {
        var pathParameters = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
        var others = new List<ParameterModel>();
        foreach (var (parameter, pointer) in Declared(operation))
        {
            if (string.IsNullOrEmpty(parameter.Name))
            {
                continue;
            }

            if (LocationOf(parameter.In) is not { } location)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameterLocation, _path, _scan.Find(pointer), parameter.Name, operation.OperationId, parameter.In?.ToString().ToLowerInvariant() ?? "an unknown location"));
                continue;
            }

            var model = Parameter(parameter, location, pointer, operation.TypeContext, parameterNames);
            if (location == ParameterIn.Path)
            {
                pathParameters[parameter.Name] = model;
            }
            else
            {
                others.Add(model);
            }
        }

        if (PathParts(operation, pathParameters, out var ordered) is not { } parts)
        {
            return null;
        }

        // Required query then header parameters are positional; optional ones follow with defaults, in the same order.
        ordered.AddRange(others.Where(p => p.Required).OrderBy(p => p.Location));
        ordered.AddRange(others.Where(p => !p.Required).OrderBy(p => p.Location));
        return new Result(ordered, parts);
    }

    private static ParameterIn? LocationOf(OpenApiLocation? location) => location switch
    {
        OpenApiLocation.Path => ParameterIn.Path,
        OpenApiLocation.Query => ParameterIn.Query,
        OpenApiLocation.Header => ParameterIn.Header,
        _ => null,
    };

    // Path-level parameters first; an operation's parameter with the same name and location replaces one.
    private static IEnumerable<(OpenApiParameter Parameter, string Pointer)> Declared(OperationContext operation)
    {
        var pathPointer = "#/paths/" + YamlScan.EscapePointer(operation.Template) + "/parameters/";
        return operation.Item.Parameters.Where(p => p is not null).Select((p, i) => (Parameter: p, Pointer: pathPointer + Index(i)))
            .Concat(operation.Operation.Parameters.Where(p => p is not null).Select((p, i) => (Parameter: p, Pointer: operation.Pointer + "/parameters/" + Index(i))))
            .GroupBy(p => (p.Parameter.Name, p.Parameter.In))
            .Select(g => g.Last());
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private ParameterModel Parameter(OpenApiParameter parameter, ParameterIn location, string pointer, string typeContext, Identifiers.Scope parameterNames)
    {
        var definition = parameter.Reference is { } r
            ? SchemaResolver.ParameterSchemaPointer(r.Id)
            : pointer + "/schema";
        var context = OperationNames.ParameterContext(typeContext, parameter.Name, parameter.Reference?.Id);
        var type = parameter.Schema is null ? TypeRef.String : _schemas.Resolve(parameter.Schema, context, definition);
        return new ParameterModel(
            parameter.Name,
            parameterNames.Claim(Identifiers.Camel(parameter.Name)),
            location,
            type,
            parameter.Required || location == ParameterIn.Path,
            OpenApiValues.Text(parameter.Schema?.Default),
            parameter.Description);
    }

    // The template's literals and placeholders; `ordered` gets the path parameters in the order the path uses them.
    private List<PathPart>? PathParts(OperationContext operation, Dictionary<string, ParameterModel> pathParameters, out List<ParameterModel> ordered)
    {
        var template = operation.Template;
        var parts = new List<PathPart>();
        ordered = new List<ParameterModel>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add(new PathPart(false, template.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(new PathPart(false, template.Substring(position, open - position)));
            }

            var placeholder = template.Substring(open + 1, close - open - 1);
            if (!pathParameters.TryGetValue(placeholder, out var pathParameter))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UndeclaredPathParameter, _path, _scan.Find(operation.Pointer), template, placeholder, operation.OperationId));
                return null;
            }

            if (!ordered.Contains(pathParameter))
            {
                ordered.Add(pathParameter);
            }

            parts.Add(new PathPart(true, pathParameter.Name));
            position = close + 1;
        }

        return parts;
    }
}
