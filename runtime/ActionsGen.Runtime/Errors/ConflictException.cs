namespace ActionsGen.Runtime.Errors;

/// <summary>409: the resource is not in a state that allows the operation (e.g. cancelling a finished run).</summary>
public sealed class ConflictException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ConflictException(ApiErrorDetails details)
        : base(details)
    {
    }
}
