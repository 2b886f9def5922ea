namespace ActionsGen.Generator.Model;

/// <summary>What a successful call gives back, decided from the operation's success responses.</summary>
internal enum ResultKind
{
    /// <summary>No body (201/202/204): the method returns <c>Task</c>.</summary>
    None,

    /// <summary>A JSON value with a generated type (object, enum, union): the method returns it.</summary>
    Json,

    /// <summary>A JSON object the spec marks <c>nullable</c>: the method returns the model or null for a <c>null</c> body.</summary>
    NullableJson,

    /// <summary>A JSON array of a generated type: the method returns a read-only list of it.</summary>
    JsonList,

    /// <summary>Raw JSON the generator has no model for: the method returns a <c>JsonElement</c>.</summary>
    RawJson,

    /// <summary>A 3xx success: one method returns the URL, another downloads it as a stream.</summary>
    Redirect,
}

/// <summary>The HTTP method of an operation.</summary>
internal enum HttpVerb
{
    Get,
    Put,
    Post,
    Delete,
    Patch,
    Head,
    Options,
    Trace,
}

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterIn
{
    Path,
    Query,
    Header,
}

/// <summary>One HTTP operation of the spec, in spec order (path, then method), with every C# name it needs already chosen.</summary>
/// <param name="Name">The method name without <c>Async</c>, from the operationId's last segment.</param>
/// <param name="Parameters">In signature order: path parameters as the path names them, then required query and header parameters, then optional ones.</param>
/// <param name="PathParts">The path template: literals and parameter references.</param>
/// <param name="ResultType">The body model (or list item) for <see cref="ResultKind.Json"/> and <see cref="ResultKind.JsonList"/>.</param>
/// <param name="Pagination">Set when the operation takes <c>page</c>/<c>per_page</c> and returns a page of items.</param>
/// <param name="UrlName">For <see cref="ResultKind.Redirect"/>: the method that returns the URL (without <c>Async</c>).</param>
internal sealed record OperationModel(
    string OperationId,
    string Name,
    HttpVerb Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<PathPart> PathParts,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses,
    ResultKind Result,
    TypeRef? ResultType,
    PaginationModel? Pagination,
    string? UrlName);

/// <summary>A path, query or header parameter. <see cref="Name"/> is the C# parameter name.</summary>
internal sealed record ParameterModel(
    string JsonName,
    string Name,
    ParameterIn Location,
    TypeRef Type,
    bool Required,
    string? DefaultValue,
    string? Description);

/// <summary>A piece of a path template: literal text, or the C# name of the parameter that fills it.</summary>
internal sealed record PathPart(bool IsParameter, string Text);

/// <summary>A JSON request body: its model, whether it is required, and its C# parameter name.</summary>
internal sealed record RequestBodyModel(TypeRef Type, bool Required, string Name, string? Description);

/// <summary>How to walk every page: the method name, the page's item list and the parameter that is left out.</summary>
/// <param name="AllName">The <c>IAsyncEnumerable</c> method's name without <c>Async</c>.</param>
/// <param name="PageType">The page model.</param>
/// <param name="ItemsProperty">The page model's property holding the items.</param>
/// <param name="ItemsNullable">Whether that property can be null.</param>
/// <param name="ItemType">The item type.</param>
/// <param name="PageParameter">The C# name of the <c>page</c> parameter, which the walk sets itself.</param>
internal sealed record PaginationModel(string AllName, TypeRef PageType, string ItemsProperty, bool ItemsNullable, TypeRef ItemType, string PageParameter);

/// <summary>A documented response: status code, description, body type (if JSON; none for an empty object) and headers.</summary>
/// <param name="BodyNullable">Whether the body's schema is <c>nullable</c> at the top, so a <c>null</c> body is valid.</param>
internal sealed record ResponseModel(string StatusCode, string? Description, TypeRef? Body, bool BodyNullable, EquatableArray<string> Headers);

/// <summary>The operations of one spec tag: one client property, one interface, one implementation.</summary>
internal sealed record ClientGroupModel(
    string Tag,
    string PropertyName,
    string InterfaceName,
    string ClassName,
    EquatableArray<OperationModel> Operations);

/// <summary>Everything the client emitters need for one spec: the root client and its groups.</summary>
internal sealed record ClientModel(
    string Namespace,
    string ClientName,
    string? Title,
    EquatableArray<ClientGroupModel> Groups);

/// <summary>One group together with the namespace it goes in: the unit of client source output.</summary>
internal sealed record ClientGroupUnit(string Namespace, ClientGroupModel Group);
