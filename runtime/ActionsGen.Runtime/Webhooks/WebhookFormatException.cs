using System;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// A delivery that cannot be read: no <c>X-GitHub-Event</c>, a body that is not a JSON object (nor a form with a
/// <c>payload</c> field holding one), or a payload that does not fit its model at all (another JSON type; in strict
/// mode, any drift). A receiver answers 400.
/// </summary>
public sealed class WebhookFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public WebhookFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
