namespace ActionsGen.Runtime.Errors;

/// <summary>404: the resource does not exist, or the token cannot see it (GitHub hides private resources as 404).</summary>
public sealed class NotFoundException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException(ApiErrorDetails details)
        : base(details)
    {
    }
}
