using System.Collections.Generic;

namespace ActionsGen.Runtime.Errors;

/// <summary>422: GitHub refused the request's content; <see cref="Errors"/> says which fields and why.</summary>
public sealed class ValidationFailedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ValidationFailedException(ApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary>GitHub's <c>errors</c> list.</summary>
    public IReadOnlyList<ApiError> Errors => Details.Errors;
}
