namespace ActionsGen.Generator.Model;

/// <summary>One HTTP operation of the spec, in spec order (path, then method). Client emission builds on this.</summary>
internal sealed record OperationModel(
    string OperationId,
    string Name,
    string Method,
    string Path,
    string Tag,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    TypeRef? RequestBody,
    bool RequestBodyRequired,
    EquatableArray<ResponseModel> Responses);

/// <summary>A path or query parameter.</summary>
internal sealed record ParameterModel(
    string JsonName,
    string Name,
    string Location,
    TypeRef Type,
    bool Required,
    string? DefaultValue,
    string? Description);

/// <summary>A documented response: status code, description, body type (if JSON) and headers.</summary>
internal sealed record ResponseModel(string StatusCode, string? Description, TypeRef? Body, EquatableArray<string> Headers);
