using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits one request builder per operation (a private static method of its group's class): the method, the operation
/// and the path template with its values in one constructor call (the runtime escapes each value as one segment), the
/// query parameters and headers that are set, and the JSON body.
/// </summary>
internal static class RequestEmitter
{
    private const string Request = Aliases.Http + "ApiRequest";
    private const string Invariant = Aliases.System + "Globalization.CultureInfo.InvariantCulture";
    private const string Local = OperationNames.RequestLocal;

    public static void Emit(SourceWriter w, OperationModel operation)
    {
        var parameters = operation.Parameters.Select(p => TypeNames.Of(p.Type, !p.Required) + " " + p.Name).ToList();
        if (operation.Body is { } body)
        {
            parameters.Add(TypeNames.Of(body.Type, !body.Required) + " " + body.Name);
        }

        using (w.Block($"private static {Request} {OperationNames.RequestBuilder(operation.Name)}({string.Join(", ", parameters)})"))
        {
            var template = new System.Text.StringBuilder();
            var values = new System.Text.StringBuilder();
            foreach (var part in operation.PathParts)
            {
                if (!part.IsParameter)
                {
                    template.Append(part.Text);
                    continue;
                }

                var parameter = operation.Parameters.First(p => p.Name == part.Text);
                template.Append('{').Append(parameter.JsonName).Append('}');
                values.Append(", ").Append(PathValue(parameter));
            }

            w.Line($"var {Local} = new {Request}(\"{HttpMethod(operation.Method)}\", {SourceWriter.Literal(operation.OperationId)}, {SourceWriter.Literal(template.ToString())}{values});");

            foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Query))
            {
                w.Line($"{Local}.Query({SourceWriter.Literal(parameter.JsonName)}, {QueryValue(parameter)});");
            }

            foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Header))
            {
                w.Line($"{Local}.Header({SourceWriter.Literal(parameter.JsonName)}, {HeaderValue(parameter)});");
            }

            if (operation.Body is { } requestBody)
            {
                Body(w, requestBody);
            }

            w.Line($"return {Local};");
        }
    }

    private static void Body(SourceWriter w, RequestBodyModel body)
    {
        if (body.Required)
        {
            w.Line($"{Local}.JsonBody({body.Name});");
            return;
        }

        using (w.Block($"if ({body.Name} is not null)"))
        {
            w.Line($"{Local}.JsonBody({body.Name}{(body.Type.IsValueType ? ".Value" : string.Empty)});");
        }
    }

    private static string HttpMethod(HttpVerb method) => method switch
    {
        HttpVerb.Get => "GET",
        HttpVerb.Put => "PUT",
        HttpVerb.Post => "POST",
        HttpVerb.Delete => "DELETE",
        HttpVerb.Patch => "PATCH",
        HttpVerb.Head => "HEAD",
        HttpVerb.Options => "OPTIONS",
        _ => "TRACE",
    };

    // Scalars go to the runtime as they are: ApiRequest spells them the same way in a path and in a query.
    private static bool IsScalar(TypeRef type) =>
        type.Kind is TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number or TypeRefKind.Boolean or TypeRefKind.DateTime;

    private static string PathValue(ParameterModel parameter) =>
        IsScalar(parameter.Type) ? parameter.Name : Format(parameter.Type, parameter.Name);

    private static string QueryValue(ParameterModel parameter) =>
        IsScalar(parameter.Type) ? parameter.Name : Optional(parameter, Format);

    // A header value is text: anything but a string is spelled invariantly (booleans as JSON spells them).
    private static string HeaderValue(ParameterModel parameter) =>
        parameter.Type.Kind == TypeRefKind.String ? parameter.Name : Optional(parameter, HeaderText);

    private static string HeaderText(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.Boolean => $"({value} ? \"true\" : \"false\")",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => $"{value}.ToString({Invariant})",
        TypeRefKind.DateTime => $"{value}.ToString(\"O\", {Invariant})",
        _ => Format(type, value),
    };

    // The text of a required value, or null when an optional one is not set.
    private static string Optional(ParameterModel parameter, System.Func<TypeRef, string, string> text)
    {
        if (parameter.Required)
        {
            return text(parameter.Type, parameter.Name);
        }

        var value = parameter.Type.IsValueType ? parameter.Name + ".Value" : parameter.Name;
        return $"{parameter.Name} is null ? null : {text(parameter.Type, value)}";
    }

    /// <summary>The text a non-null non-scalar value goes into a URL as (the runtime escapes it).</summary>
    private static string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.Any => $"{value}.GetRawText()",
        TypeRefKind.Array => $"string.Join(\",\", {value})",
        _ => $"{value}.ToString()",
    };
}
