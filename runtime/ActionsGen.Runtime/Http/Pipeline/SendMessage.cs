using System;
using System.Diagnostics;
using System.Threading;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>One call on its way through the <see cref="SendPolicy"/> chain: what to send, where, and what the policies learned so far.</summary>
internal sealed class SendMessage(ApiRequest request, Uri uri, Activity? activity, CancellationToken cancellationToken)
{
    public ApiRequest Request { get; } = request;

    public Uri Uri { get; } = uri;

    public Activity? Activity { get; } = activity;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>How many times the transport has sent the request.</summary>
    public int Sends { get; set; }

    /// <summary>The validators of a stored response (<c>If-None-Match</c>, <c>If-Modified-Since</c>), set by the conditional-request policy.</summary>
    public (string? ETag, string? LastModified) Validators { get; set; }
}
