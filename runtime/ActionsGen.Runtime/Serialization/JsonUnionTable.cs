using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// How a generated union (an OpenAPI <c>oneOf</c>/<c>anyOf</c>) tells its cases apart, as data. <see cref="Pick"/> looks
/// at the value without consuming it and returns the case to read.
/// </summary>
/// <remarks>
/// The rule: with a discriminator, an object whose discriminator property names a case is that case. Otherwise (or
/// when the discriminator is absent or unknown) the first case, in spec order, whose JSON type fits wins; an object
/// fits an object case when it has all of that case's required properties. A value no case fits is kept as raw JSON.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonUnionTable
{
    private readonly JsonUnionCase[] _cases;
    private readonly byte[]? _discriminator;
    private readonly (uint Hash, byte[] Name, int Bit)[] _required;

    /// <summary>Creates the table; <paramref name="discriminator"/> is the property that names the case, if any.</summary>
    public JsonUnionTable(string? discriminator, params JsonUnionCase[] cases)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _discriminator = discriminator is null ? null : Encoding.UTF8.GetBytes(discriminator);
        var required = new List<(uint, byte[], int)>();
        foreach (var @case in cases)
        {
            @case.FirstBit = required.Count;
            foreach (var name in @case.Required)
            {
                var utf8 = Encoding.UTF8.GetBytes(name);
                required.Add((JsonRead.NameHash(utf8), utf8, required.Count));
            }
        }

        _required = required.ToArray();
    }

    /// <summary>The case (1-based) that the current value is, or 0 when none fits. The reader does not move.</summary>
    public int Pick(ref Utf8JsonReader reader)
    {
        var kind = reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonUnionKind.Object,
            JsonTokenType.StartArray => JsonUnionKind.Array,
            JsonTokenType.String => JsonUnionKind.String,
            JsonTokenType.Number => reader.TryGetInt64(out _) ? JsonUnionKind.Integer : JsonUnionKind.Number,
            JsonTokenType.True or JsonTokenType.False => JsonUnionKind.Boolean,
            _ => JsonUnionKind.Any,
        };
        if (kind == JsonUnionKind.Object)
        {
            return PickObject(reader);
        }

        for (var i = 0; i < _cases.Length; i++)
        {
            var fits = _cases[i].Kind == kind || (kind == JsonUnionKind.Integer && _cases[i].Kind == JsonUnionKind.Number);
            if (fits || (_cases[i].Kind == JsonUnionKind.Any && kind != JsonUnionKind.Any))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // The reader is a copy: scanning the object's properties does not move the caller's.
    private int PickObject(Utf8JsonReader reader)
    {
        var found = default(JsonBits);
        string? tag = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var hash = JsonRead.PropertyNameHash(ref reader);
            var isTag = _discriminator is not null && tag is null && reader.ValueTextEquals(_discriminator);
            foreach (var (requiredHash, name, bit) in _required)
            {
                if (requiredHash == hash && reader.ValueTextEquals(name))
                {
                    found.Set(bit);
                }
            }

            reader.Read();
            if (isTag && reader.TokenType == JsonTokenType.String)
            {
                tag = JsonRead.Utf16(ref reader);
            }

            reader.Skip();
        }

        return (tag is null ? 0 : ByTag(tag)) is var tagged and > 0 ? tagged : ByShape(found);
    }

    private int ByTag(string tag)
    {
        for (var i = 0; i < _cases.Length; i++)
        {
            if (Array.IndexOf(_cases[i].Tags, tag) >= 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private int ByShape(JsonBits found)
    {
        for (var i = 0; i < _cases.Length; i++)
        {
            var @case = _cases[i];
            if (@case.Kind == JsonUnionKind.Any)
            {
                return i + 1;
            }

            if (@case.Kind != JsonUnionKind.Object)
            {
                continue;
            }

            var all = true;
            for (var bit = @case.FirstBit; all && bit < @case.FirstBit + @case.Required.Length; bit++)
            {
                all = found.Has(bit);
            }

            if (all)
            {
                return i + 1;
            }
        }

        return 0;
    }
}

/// <summary>The JSON type of a union case.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonUnionKind
{
    /// <summary>Any JSON value.</summary>
    Any,

    /// <summary>An object.</summary>
    Object,

    /// <summary>An array.</summary>
    Array,

    /// <summary>A string (also enums and date-times).</summary>
    String,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>Any number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,
}

/// <summary>One case of a <see cref="JsonUnionTable"/>: its JSON type, required properties and discriminator values.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonUnionCase
{
    private JsonUnionCase(JsonUnionKind kind, string[] required, string[] tags)
    {
        Kind = kind;
        Required = required;
        Tags = tags;
    }

    internal JsonUnionKind Kind { get; }

    internal string[] Required { get; }

    internal string[] Tags { get; }

    internal int FirstBit { get; set; }

    /// <summary>A case of JSON type <paramref name="kind"/> (not an object).</summary>
    public static JsonUnionCase Of(JsonUnionKind kind) => new(kind, System.Array.Empty<string>(), System.Array.Empty<string>());

    /// <summary>An object case that has the <paramref name="required"/> properties.</summary>
    public static JsonUnionCase Object(params string[] required) => new(JsonUnionKind.Object, required ?? System.Array.Empty<string>(), System.Array.Empty<string>());

    /// <summary>This object case, also chosen when the discriminator property is one of <paramref name="tags"/>.</summary>
    public JsonUnionCase When(params string[] tags) => new(Kind, Required, tags ?? System.Array.Empty<string>());
}
