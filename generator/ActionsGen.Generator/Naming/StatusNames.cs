using System.Collections.Generic;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// What an HTTP status means, as a name part (<c>404</c> → <c>NotFound</c>): the inline schemas of an operation's
/// responses are told apart by it (<c>GetTaskByIdNotFoundResponse</c>). The reason phrases of RFC 9110 and the
/// registry, fixed here rather than taken from <c>System.Net.HttpStatusCode</c>, whose members differ between the
/// frameworks a compiler runs on.
/// </summary>
internal static class StatusNames
{
    private static readonly Dictionary<string, string> Reasons = new(System.StringComparer.OrdinalIgnoreCase)
    {
        ["100"] = "Continue", ["101"] = "SwitchingProtocols", ["102"] = "Processing", ["103"] = "EarlyHints",
        ["200"] = "Ok", ["201"] = "Created", ["202"] = "Accepted", ["203"] = "NonAuthoritativeInformation",
        ["204"] = "NoContent", ["205"] = "ResetContent", ["206"] = "PartialContent", ["207"] = "MultiStatus",
        ["208"] = "AlreadyReported", ["226"] = "ImUsed",
        ["300"] = "MultipleChoices", ["301"] = "MovedPermanently", ["302"] = "Found", ["303"] = "SeeOther",
        ["304"] = "NotModified", ["307"] = "TemporaryRedirect", ["308"] = "PermanentRedirect",
        ["400"] = "BadRequest", ["401"] = "Unauthorized", ["402"] = "PaymentRequired", ["403"] = "Forbidden",
        ["404"] = "NotFound", ["405"] = "MethodNotAllowed", ["406"] = "NotAcceptable", ["407"] = "ProxyAuthenticationRequired",
        ["408"] = "RequestTimeout", ["409"] = "Conflict", ["410"] = "Gone", ["411"] = "LengthRequired",
        ["412"] = "PreconditionFailed", ["413"] = "ContentTooLarge", ["414"] = "UriTooLong", ["415"] = "UnsupportedMediaType",
        ["416"] = "RangeNotSatisfiable", ["417"] = "ExpectationFailed", ["421"] = "MisdirectedRequest",
        ["422"] = "UnprocessableEntity", ["423"] = "Locked", ["424"] = "FailedDependency", ["425"] = "TooEarly",
        ["426"] = "UpgradeRequired", ["428"] = "PreconditionRequired", ["429"] = "TooManyRequests",
        ["431"] = "RequestHeaderFieldsTooLarge", ["451"] = "UnavailableForLegalReasons",
        ["500"] = "InternalServerError", ["501"] = "NotImplemented", ["502"] = "BadGateway", ["503"] = "ServiceUnavailable",
        ["504"] = "GatewayTimeout", ["505"] = "HttpVersionNotSupported", ["507"] = "InsufficientStorage",
        ["508"] = "LoopDetected", ["511"] = "NetworkAuthenticationRequired",
        ["1XX"] = "Informational", ["2XX"] = "Success", ["3XX"] = "Redirection", ["4XX"] = "ClientError", ["5XX"] = "ServerError",
        ["default"] = "Default",
    };

    /// <summary>The meaning of <paramref name="status"/> (a code, a range such as <c>4XX</c>, or <c>default</c>); <c>Status{code}</c> for one without a registered reason.</summary>
    public static string Reason(string status) =>
        Reasons.TryGetValue(status, out var reason) ? reason : Identifiers.Pascal("status " + status);
}
