using System;
using System.Buffers;
using System.Text.Json;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// One request as generated code builds it: the operation, its path (literal parts from the spec, parameters escaped
/// as single segments), the query parameters the caller set, and a JSON body.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    private readonly StringBuilder _path = new(96);
    private StringBuilder? _query;
    private System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, string>>? _headers;

    /// <summary>Starts a request for <paramref name="operationId"/>.</summary>
    public ApiRequest(HttpMethod method, string operationId)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's operationId, named in errors.</summary>
    public string OperationId { get; }

    /// <summary>The UTF-8 JSON body, if any.</summary>
    public ReadOnlyMemory<byte>? Body { get; private set; }

    /// <summary>The headers the operation's header parameters set, in the order set.</summary>
    internal System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>? Headers => _headers;

    /// <summary>The path and query, relative to the base address (no leading '/').</summary>
    public string RelativeUri => _query is null ? _path.ToString() : _path.ToString() + "?" + _query.ToString();

    /// <summary>Appends a literal part of the spec's path template.</summary>
    public ApiRequest Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _path.Append(_path.Length == 0 ? text.TrimStart('/') : text);
        return this;
    }

    /// <summary>Appends a path parameter as exactly one escaped segment: it cannot add segments or climb with '..'.</summary>
    public ApiRequest Segment(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException("The path parameter '" + name + "' cannot be empty, '.' or '..'.", name);
        }

        _path.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends an integer path parameter.</summary>
    public ApiRequest Segment(string name, long value) => Segment(name, Text(value));

    /// <summary>Appends a number path parameter.</summary>
    public ApiRequest Segment(string name, double value) => Segment(name, Text(value));

    /// <summary>Appends a boolean path parameter (<c>true</c>/<c>false</c>).</summary>
    public ApiRequest Segment(string name, bool value) => Segment(name, Text(value));

    /// <summary>Appends a date-time path parameter (ISO 8601).</summary>
    public ApiRequest Segment(string name, DateTimeOffset value) => Segment(name, Text(value));

    /// <summary>Adds a query parameter if the caller set it.</summary>
    public ApiRequest Query(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _query = _query is null ? new StringBuilder(64) : _query.Append('&');
        _query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds an integer query parameter if the caller set it.</summary>
    public ApiRequest Query(string name, long? value) => Query(name, value is { } v ? Text(v) : null);

    /// <summary>Adds a number query parameter if the caller set it.</summary>
    public ApiRequest Query(string name, double? value) => Query(name, value is { } v ? Text(v) : null);

    /// <summary>Adds a boolean query parameter (<c>true</c>/<c>false</c>) if the caller set it.</summary>
    public ApiRequest Query(string name, bool? value) => Query(name, value is { } v ? Text(v) : null);

    /// <summary>Adds a date-time query parameter (ISO 8601) if the caller set it.</summary>
    public ApiRequest Query(string name, DateTimeOffset? value) => Query(name, value is { } v ? Text(v) : null);

    // How a value is spelled in a URL, path or query alike: invariant culture, lower-case booleans, ISO 8601 with 'Z' for UTC.
    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Adds a header when <paramref name="value"/> is not null; a name or value with CR or LF is refused.</summary>
    public ApiRequest Header(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0 || (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException("The header '" + name.Replace("\r", "\\r").Replace("\n", "\\n") + "' cannot contain CR or LF.", nameof(value));
        }

        if (value is not null)
        {
            (_headers ??= new()).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sets the JSON body from raw JSON.</summary>
    public ApiRequest JsonBody(JsonElement body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        Body = buffer.WrittenMemory;
        return this;
    }

    /// <summary>Sets the JSON body.</summary>
    public ApiRequest JsonBody<T>(T body) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = ActionsJson.SerializeToUtf8Bytes(body);
        return this;
    }
}
