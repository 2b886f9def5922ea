using ActionsGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>One operation being built: where it is in the spec and the names already chosen for it.</summary>
internal sealed class OperationContext
{
    public OperationContext(string template, OpenApiPathItem item, HttpVerb method, OpenApiOperation operation, string operationId, string name, string typeContext)
    {
        TypeContext = typeContext;
        Template = template;
        Item = item;
        Method = method;
        Operation = operation;
        OperationId = operationId;
        Name = name;
        Pointer = PointerOf(template, method);
    }

    public string Template { get; }

    public OpenApiPathItem Item { get; }

    public HttpVerb Method { get; }

    public OpenApiOperation Operation { get; }

    public string OperationId { get; }

    /// <summary>The method name, without <c>Async</c>.</summary>
    public string Name { get; }

    /// <summary>What the names of its inline types start with (<see cref="Naming.MethodNames.TypeContext"/>).</summary>
    public string TypeContext { get; }

    /// <summary>The operation's JSON pointer, e.g. <c>#/paths/~1app/get</c>.</summary>
    public string Pointer { get; }

    public static string PointerOf(string template, HttpVerb method) =>
        "#/paths/" + YamlScan.EscapePointer(template) + "/" + method.ToString().ToLowerInvariant();
}
