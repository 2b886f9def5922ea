using System;
using System.Collections.Generic;
using System.Net;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// A scripted answer for one operation, as <see cref="ApiSimulator.Respond"/> and the canned failures return it. It
/// answers every call until another script replaces it, or only the next <see cref="Times"/> calls: counted answers
/// are used first, in the order they were scripted, then the latest standing one, then the spec's example.
/// </summary>
public sealed class SimulatedResponse
{
    private readonly object _gate;
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private TimeSpan _delay;

    internal SimulatedResponse(object gate, string operationId, HttpStatusCode statusCode, byte[]? body, string? mediaType, bool usualAnswer)
    {
        _gate = gate;
        OperationId = operationId;
        StatusCode = statusCode;
        Body = body;
        MediaType = mediaType;
        UsualAnswer = usualAnswer;
    }

    /// <summary>The operation it answers.</summary>
    public string OperationId { get; }

    /// <summary>The status it answers with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Calls left for a counted answer; null for a standing one.</summary>
    internal int? Remaining { get; set; }

    internal byte[]? Body { get; }

    internal string? MediaType { get; }

    /// <summary>Whether this is the operation's usual answer (its example), only delayed.</summary>
    internal bool UsualAnswer { get; }

    /// <summary>Answers only the next <paramref name="count"/> calls, then steps aside.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public SimulatedResponse Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            Remaining = count;
        }

        return this;
    }

    /// <summary>Answers only the next call (<c>Times(1)</c>): the first call fails, the second works.</summary>
    public SimulatedResponse Once() => Times(1);

    /// <summary>Answers only after <paramref name="delay"/> (cancelled with the request), e.g. to test timeouts and cancellation.</summary>
    public SimulatedResponse After(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _delay = delay;
        }

        return this;
    }

    /// <summary>Adds a response header (replacing the simulator's own of that name, e.g. <c>x-ratelimit-remaining</c>).</summary>
    public SimulatedResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _headers.Add(new(name, value));
        }

        return this;
    }

    /// <summary>What one call gets, fixed under the simulator's lock.</summary>
    internal Answer Take() => new(this, _headers.ToArray(), _delay);

    internal readonly record struct Answer(SimulatedResponse Script, KeyValuePair<string, string>[] Headers, TimeSpan Delay);
}
