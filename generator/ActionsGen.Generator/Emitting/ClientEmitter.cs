using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits the clients: a root client with one property per spec tag, and per tag an interface (so users can fake it)
/// and its implementation. Each method builds an <c>ApiRequest</c> and hands it to the runtime's <c>ApiConnection</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string Connection = Aliases.Http + "ApiConnection";
    private const string Options = Aliases.Runtime + "ActionsClientOptions";
    private const string Token = Aliases.System + "Threading.CancellationToken";
    private const string Task = TypeNames.Task;

    public static string EmitRoot(ClientModel client)
    {
        var ns = client.Namespace;
        var w = new SourceWriter();
        w.FileHeader(ns);
        w.DocComment(
            (client.Title is { Length: > 0 } title ? title + ": the" : "The") + " generated client, one property per group of operations.",
            "Give it an HttpClient whose primary handler does not follow redirects (ActionsClientOptions.CreateHttpHandler()), so log downloads never carry the token to the storage host.");
        using (w.Block($"public sealed partial class {client.ClientName}"))
        {
            w.DocComment("Creates a client that sends through httpClient with the given options (GitHub.com and no token when omitted).");
            w.DocElement("param", "Sends the requests; the client does not own or dispose it.", " name=\"httpClient\"");
            w.DocElement("param", "Base address, token, user agent.", " name=\"options\"");
            w.Line($"public {client.ClientName}({Aliases.System}Net.Http.HttpClient httpClient, {Options}? options = null)");
            w.Indent();
            w.Line($": this(new {Connection}(httpClient, options ?? new {Options}()))");
            w.Unindent();
            w.Line("{");
            w.Line("}");
            w.Line();
            w.DocComment("Creates a client over an existing connection.");
            w.DocElement("param", "The connection requests go through.", " name=\"connection\"");
            using (w.Block($"public {client.ClientName}({Connection} connection)"))
            {
                w.Line($"{OperationNames.ConnectionProperty} = connection ?? throw new {TypeNames.ArgumentNull}(nameof(connection));");
                foreach (var group in client.Groups)
                {
                    w.Line($"{group.PropertyName} = new {group.ClassName}(connection);");
                }
            }

            w.Line();
            w.DocComment("The connection: options, and the rate-limit state of the last response.");
            w.Line($"public {Connection} {OperationNames.ConnectionProperty} {{ get; }}");
            foreach (var group in client.Groups)
            {
                w.Line();
                w.DocComment($"Operations tagged '{group.Tag}'.");
                w.Line($"public {group.InterfaceName} {group.PropertyName} {{ get; }}");
            }
        }

        w.FileFooter();
        return w.ToString();
    }

    public static string EmitGroup(string ns, ClientGroupModel group)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        w.DocComment($"Operations tagged '{group.Tag}'.");
        using (w.Block($"public partial interface {group.InterfaceName}"))
        {
            var first = true;
            foreach (var method in group.Operations.SelectMany(ClientMethod.Of))
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                Docs(w, method);
                w.Line(Signature(method, inInterface: true) + ";");
            }
        }

        w.Line();
        w.DocComment($"Sends the operations tagged '{group.Tag}' through an ApiConnection.");
        using (w.Block($"internal sealed partial class {group.ClassName} : {group.InterfaceName}"))
        {
            w.Line($"private readonly {Connection} {OperationNames.ConnectionField};");
            w.Line();
            w.Line($"public {group.ClassName}({Connection} connection) => {OperationNames.ConnectionField} = connection;");
            foreach (var method in group.Operations.SelectMany(ClientMethod.Of))
            {
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line(Signature(method, inInterface: false));
                w.Indent();
                w.Line("=> " + Call(method) + ";");
                w.Unindent();
            }

            foreach (var operation in group.Operations)
            {
                w.Line();
                RequestEmitter.Emit(w, operation);
            }
        }

        w.FileFooter();
        return w.ToString();
    }

    private static string ReturnType(ClientMethod method)
    {
        var operation = method.Operation;
        return method.Kind switch
        {
            ClientMethodKind.RedirectUrl => Task + "<" + Aliases.System + "Uri>",
            ClientMethodKind.Download => Task + "<" + Aliases.System + "IO.Stream>",
            ClientMethodKind.All => Aliases.Collections + "IAsyncEnumerable<" + TypeNames.Of(operation.Pagination!.ItemType, false) + ">",
            _ => operation.Result switch
            {
                ResultKind.Json => Task + "<" + TypeNames.Of(operation.ResultType!, false) + ">",
                ResultKind.NullableJson => Task + "<" + TypeNames.Of(operation.ResultType!, true) + ">",
                ResultKind.JsonList => Task + "<" + TypeNames.List + "<" + TypeNames.Of(operation.ResultType!, false) + ">>",
                ResultKind.RawJson => Task + "<" + TypeNames.Element + ">",
                _ => Task,
            },
        };
    }

    private static string Signature(ClientMethod method, bool inInterface)
    {
        var operation = method.Operation;
        var parameters = new List<string>();
        foreach (var parameter in method.Parameters.Where(p => p.Required))
        {
            parameters.Add(TypeNames.Of(parameter.Type, false) + " " + parameter.Name);
        }

        if (operation.Body is { Required: true } requiredBody)
        {
            parameters.Add(TypeNames.Of(requiredBody.Type, false) + " " + requiredBody.Name);
        }

        foreach (var parameter in method.Parameters.Where(p => !p.Required))
        {
            parameters.Add(TypeNames.Of(parameter.Type, true) + " " + parameter.Name + " = null");
        }

        if (operation.Body is { Required: false } optionalBody)
        {
            parameters.Add(TypeNames.Of(optionalBody.Type, true) + " " + optionalBody.Name + " = null");
        }

        parameters.Add(Token + " " + OperationNames.CancellationToken + " = default");
        return (inInterface ? string.Empty : "public ") + ReturnType(method) + " " + method.Name + "(" + string.Join(", ", parameters) + ")";
    }

    private static string Call(ClientMethod method)
    {
        var operation = method.Operation;
        var arguments = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            arguments.Add(method.Kind == ClientMethodKind.All && parameter.Name == operation.Pagination!.PageParameter ? "null" : parameter.Name);
        }

        if (operation.Body is { } body)
        {
            arguments.Add(body.Name);
        }

        var request = $"{OperationNames.RequestBuilder(operation.Name)}({string.Join(", ", arguments)})";
        const string connection = OperationNames.ConnectionField;
        const string token = OperationNames.CancellationToken;
        switch (method.Kind)
        {
            case ClientMethodKind.RedirectUrl:
                return $"{connection}.SendForRedirectAsync({request}, {token})";
            case ClientMethodKind.Download:
                return $"{connection}.DownloadAsync({request}, {token})";
            case ClientMethodKind.All:
                var pagination = operation.Pagination!;
                var item = TypeNames.Of(pagination.ItemType, false);
                const string page = OperationNames.PageLambdaParameter;
                var items = page + "." + pagination.ItemsProperty + (pagination.ItemsNullable ? $" ?? {Aliases.System}Array.Empty<{item}>()" : string.Empty);
                return $"{connection}.PaginateAsync<{TypeNames.Of(pagination.PageType, false)}, {item}>({request}, static {page} => {items}, {token})";
        }

        return operation.Result switch
        {
            ResultKind.Json => $"{connection}.SendAsync<{TypeNames.Of(operation.ResultType!, false)}>({request}, {token})",
            ResultKind.NullableJson => $"{connection}.SendForNullableAsync<{TypeNames.Of(operation.ResultType!, false)}>({request}, {token})",
            ResultKind.JsonList => $"{connection}.SendForListAsync<{TypeNames.Of(operation.ResultType!, false)}>({request}, {token})",
            ResultKind.RawJson => $"{connection}.SendForElementAsync({request}, {token})",
            _ => $"{connection}.SendAsync({request}, {token})",
        };
    }

    private static void Docs(SourceWriter w, ClientMethod method)
    {
        var operation = method.Operation;
        var summary = operation.Summary is { Length: > 0 } s ? s : operation.OperationId;
        var remarks = new List<string?>
        {
            operation.Description,
            method.Kind switch
            {
                ClientMethodKind.All => "Walks every page, following the Link header's rel=\"next\" until the last page, and yields the items of each.",
                ClientMethodKind.RedirectUrl => "Returns the short-lived URL the API redirects to, without following it.",
                ClientMethodKind.Download => "Follows the redirect with a fresh request that carries no Authorization header and returns the content.",
                _ => null,
            },
            $"{operation.Method.ToString().ToUpperInvariant()} {operation.Path} ({operation.OperationId}). Responses: " + string.Join("; ", operation.Responses.Select(r => r.StatusCode + (r.Description is { Length: > 0 } d ? " " + d : string.Empty))) + ".",
        };
        w.DocComment(summary, string.Join("\n\n", remarks.Where(r => !string.IsNullOrWhiteSpace(r))));
        foreach (var parameter in method.Parameters)
        {
            var text = (parameter.Description ?? parameter.JsonName) + (parameter.DefaultValue is { } d ? " Default on the server: " + d + "." : string.Empty);
            w.DocElement("param", text, $" name=\"{Identifiers.Unescaped(parameter.Name)}\"");
        }

        if (operation.Body is { } body)
        {
            w.DocElement("param", body.Description ?? "The request body.", $" name=\"{Identifiers.Unescaped(body.Name)}\"");
        }

        w.DocElement("param", "Cancels the request.", $" name=\"{OperationNames.CancellationToken}\"");
        var returns = method.Kind switch
        {
            ClientMethodKind.RedirectUrl => "The URL the API redirects to.",
            ClientMethodKind.Download => "The content; the caller disposes the stream.",
            ClientMethodKind.All => "Every item of every page.",
            _ => operation.Result switch
            {
                ResultKind.None => null,
                ResultKind.NullableJson => "The response body; null when the body is JSON null.",
                _ => "The response body.",
            },
        };
        if (returns is not null)
        {
            w.DocElement("returns", returns);
        }

        var failures = operation.Responses.Where(r => r.StatusCode.Length == 3 && r.StatusCode[0] is '4' or '5').ToList();
        w.DocElement(
            "exception",
            "GitHub answered with an error status" + (failures.Count > 0 ? " (documented: " + string.Join("; ", failures.Select(r => r.StatusCode + (r.Description is { Length: > 0 } d ? " " + d : string.Empty))) + ")" : string.Empty) + "; subclasses tell 404, 403, 409, 422 and rate limits apart.",
            " cref=\"global::ActionsGen.Runtime.Errors.ApiException\"");
    }
}
