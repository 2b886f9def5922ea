using System;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// Every name the generator invents on the operation side: group properties and types, method names, page walks,
/// URL methods, the context names of inline request/response schemas, and the locals a method body uses.
/// </summary>
/// <remarks>
/// Groups: a tag <c>actions</c> gives the property <c>Actions</c>, the interface <c>IActionsOperations</c> and the class
/// <c>ActionsOperations</c>; the <c>Operations</c> suffix keeps them clear of the root client (<c>ActionsClient</c>).
/// Page walks: a name that starts with a reading verb puts <c>All</c> after it (<c>ListWorkflowRunsForRepo</c> →
/// <c>ListAllWorkflowRunsForRepo</c>, <c>GetActionsCacheList</c> → <c>GetAllActionsCacheList</c>); otherwise the
/// operationId's group word is used when it is such a verb (<c>search/code</c> → <c>SearchAllCode</c>), else
/// <c>ListAll</c> goes in front (<c>Code</c> → <c>ListAllCode</c>).
/// </remarks>
internal static class OperationNames
{
    private static readonly string[] ReadingVerbs = { "List", "Get", "Search", "Find", "Fetch", "Query", "Read" };

    /// <summary>The root client's connection property.</summary>
    public const string ConnectionProperty = "Connection";

    /// <summary>The connection field of each group implementation.</summary>
    public const string ConnectionField = "_connection";

    /// <summary>The last parameter of every method.</summary>
    public const string CancellationToken = "cancellationToken";

    /// <summary>The request a request builder fills.</summary>
    public const string RequestLocal = "request";

    /// <summary>The page a page walk's item selector receives.</summary>
    public const string PageLambdaParameter = "result";

    /// <summary>The root client's own members, reserved among group property names.</summary>
    public static readonly string[] RootMembers = { ConnectionProperty };

    /// <summary>Locals and lambda parameters of emitted method bodies: no spec parameter may take these names.</summary>
    public static readonly string[] ReservedLocals = { CancellationToken, RequestLocal, PageLambdaParameter };

    /// <summary>The request body parameter.</summary>
    public const string BodyParameter = "body";

    /// <summary>The tag used for operations without one.</summary>
    public const string DefaultTag = "default";

    public static string GroupProperty(string tag) => Identifiers.Pascal(tag);

    /// <summary>The group's class, from its (already unique) property name.</summary>
    public static string GroupClass(string groupProperty) => groupProperty + "Operations";

    public static string GroupInterface(string groupClass) => "I" + groupClass;

    /// <summary>The method name (without <c>Async</c>) from the operationId's last <c>/</c> segment.</summary>
    public static string Method(string operationId) => Identifiers.Pascal(LastSegment(operationId));

    /// <summary>The operationId of an operation that has none: its method and path.</summary>
    public static string FallbackOperationId(string method, string template) => method + " " + template;

    /// <summary>
    /// The private request builder of an operation in its group's class: never equal to a public method, which all end
    /// in <c>Async</c>, nor to another builder, since method names are unique in a group.
    /// </summary>
    public static string RequestBuilder(string method) => method + "Request";

    /// <summary>The C# method name of an operation's method name.</summary>
    public static string Async(string method) => method + "Async";

    /// <summary>The method that returns a redirect's target URL.</summary>
    public static string Url(string method) => method + "Url";

    /// <summary>The page walk of <paramref name="method"/>, by the rule in the remarks.</summary>
    public static string PageWalk(string method, string operationId)
    {
        if (LeadingVerb(method) is { } verb)
        {
            return verb + "All" + method.Substring(verb.Length);
        }

        var slash = operationId.LastIndexOf('/');
        var group = slash > 0 ? Identifiers.Pascal(LastSegment(operationId.Substring(0, slash))) : string.Empty;
        return LeadingVerb(group) == group && group.Length > 0 ? group + "All" + method : "ListAll" + method;
    }

    /// <summary>The name an inline request body schema's type gets, from the operation's type context (<see cref="MethodNames.TypeContext"/>).</summary>
    public static string RequestContext(string operation) => operation + "Request";

    /// <summary>
    /// The name an inline response schema's type gets: <c>{operation}Response</c> for the operation's result (its
    /// first success response with a body), and the status's meaning before <c>Response</c> for any other
    /// (<paramref name="otherStatus"/>: <c>GetTaskByIdNotFoundResponse</c>, <c>MergeConflictResponse</c>).
    /// </summary>
    public static string ResponseContext(string operation, string? otherStatus = null) =>
        operation + (otherStatus is null ? string.Empty : StatusNames.Reason(otherStatus)) + "Response";

    /// <summary>The name an inline parameter schema's type gets: the component's name, or the operation's and the parameter's.</summary>
    public static string ParameterContext(string operation, string parameter, string? component) =>
        component is null ? operation + Identifiers.Pascal(parameter) : Identifiers.Pascal(component);

    private static string? LeadingVerb(string name)
    {
        foreach (var verb in ReadingVerbs)
        {
            // A verb is a whole word: "Listing" or "Getaway" do not start with one.
            if (name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || !char.IsLower(name[verb.Length])))
            {
                return verb;
            }
        }

        return null;
    }

    private static string LastSegment(string text) => text.Substring(text.LastIndexOf('/') + 1);
}
