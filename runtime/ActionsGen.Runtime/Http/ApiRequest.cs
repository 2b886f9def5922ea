using System;
using System.Buffers;
using System.Collections.Generic;
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
    private readonly StringBuilder _template = new(96);
    private StringBuilder? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Starts a request for <paramref name="operationId"/>.</summary>
    public ApiRequest(HttpMethod method, string operationId)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
    }

    /// <summary>
    /// Starts a request for <paramref name="operationId"/> with its whole path: each <c>{name}</c> of the spec's
    /// <paramref name="pathTemplate"/> takes the next of <paramref name="pathValues"/>, escaped as exactly one segment
    /// (strings as they are, numbers, booleans and dates as <see cref="Segment(string, long)"/> and its overloads spell
    /// them, anything else by its <c>ToString()</c>). One call per operation, so generated code stays small.
    /// </summary>
    /// <param name="method">The HTTP method's name, e.g. <c>GET</c>.</param>
    /// <param name="operationId">The spec's operationId, named in errors.</param>
    /// <param name="pathTemplate">The spec's path template, e.g. <c>/repos/{owner}/{repo}</c>.</param>
    /// <param name="pathValues">The value of each template parameter, in order.</param>
    public ApiRequest(string method, string operationId, string pathTemplate, params object?[] pathValues)
        : this(HttpMethod.Parse(method), operationId)
    {
        ArgumentNullException.ThrowIfNull(pathTemplate);
        ArgumentNullException.ThrowIfNull(pathValues);
        var next = 0;
        var at = 0;
        while (at < pathTemplate.Length)
        {
            var open = pathTemplate.IndexOf('{', at);
            var close = open < 0 ? -1 : pathTemplate.IndexOf('}', open);
            if (close < 0)
            {
                Literal(pathTemplate.Substring(at));
                break;
            }

            if (open > at)
            {
                Literal(pathTemplate.Substring(at, open - at));
            }

            var name = pathTemplate.Substring(open + 1, close - open - 1);
            if (next == pathValues.Length)
            {
                throw new ArgumentException("The path template '" + pathTemplate + "' has more parameters than values.", nameof(pathValues));
            }

            Segment(name, SegmentText(name, pathValues[next++]));
            at = close + 1;
        }

        if (next != pathValues.Length)
        {
            throw new ArgumentException("The path template '" + pathTemplate + "' has fewer parameters than values.", nameof(pathValues));
        }
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's operationId, named in errors.</summary>
    public string OperationId { get; }

    /// <summary>The UTF-8 JSON body, if any.</summary>
    public ReadOnlyMemory<byte>? Body { get; private set; }

    /// <summary>The path and query, relative to the base address (no leading '/').</summary>
    public string RelativeUri => _query is null ? _path.ToString() : _path.ToString() + "?" + _query.ToString();

    /// <summary>The spec's path template with parameter names, e.g. <c>/repos/{owner}/{repo}/actions/runs/{run_id}</c> (telemetry's <c>url.template</c>).</summary>
    public string PathTemplate => _template.ToString();

    /// <summary>The headers the operation adds (header parameters of the spec).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Appends a literal part of the spec's path template.</summary>
    public ApiRequest Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _path.Append(_path.Length == 0 ? text.TrimStart('/') : text);
        _template.Append(_template.Length == 0 && !text.StartsWith('/') ? "/" + text : text);
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
        _template.Append(_template.Length == 0 ? "/{" : "{").Append(name).Append('}');
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

    private static string SegmentText(string name, object? value) => value switch
    {
        null => throw new ArgumentNullException(name),
        string text => text,
        long number => Text(number),
        int number => Text(number),
        double number => Text(number),
        bool flag => Text(flag),
        DateTimeOffset time => Text(time),
        _ => value.ToString() ?? throw new ArgumentNullException(name),
    };

    // How a value is spelled in a URL, path or query alike: invariant culture, lower-case booleans, ISO 8601 with 'Z' for UTC.
    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Adds a request header if the caller set it (a header parameter of the spec).</summary>
    /// <exception cref="ArgumentException">The name is not an HTTP token, the value holds a control character (CR, LF, NUL …), or the name is <c>Authorization</c> or <c>Host</c>, which belong to the connection.</exception>
    public ApiRequest Header(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!HeaderRules.IsToken(name))
        {
            throw new ArgumentException("'" + name + "' is not a valid header name.", nameof(name));
        }

        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The " + name + " header is set by the connection, not by an operation.", nameof(name));
        }

        if (value is null)
        {
            return this;
        }

        (_headers ??= new List<KeyValuePair<string, string>>()).Add(new(name, HeaderRules.Value(value, name)));
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
