namespace ActionsGen.Runtime.Errors;

/// <summary>403 that is not a rate limit: the token lacks a permission or the action is not allowed.</summary>
public sealed class ForbiddenException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ForbiddenException(ApiErrorDetails details)
        : base(details)
    {
    }
}
