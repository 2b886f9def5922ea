using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionsGen.Runtime.Errors;

/// <summary>GitHub's error body: <c>{"message": …, "documentation_url": …, "errors": [...]}</c>. Anything else reads as null.</summary>
internal sealed record ErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<ApiError> Errors)
{
    public static ErrorBody? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? message = null;
            string? documentationUrl = null;
            var errors = new List<ApiError>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("message"u8))
                {
                    message = StringOrNull(ref reader);
                }
                else if (reader.ValueTextEquals("documentation_url"u8))
                {
                    documentationUrl = StringOrNull(ref reader);
                }
                else if (reader.ValueTextEquals("errors"u8) && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        errors.Add(ReadError(ref reader));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return new ErrorBody(message, documentationUrl, errors);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ApiError ReadError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ApiError(null, null, null, reader.GetString());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new ApiError(null, null, null, null);
        }

        string? resource = null, field = null, code = null, message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resource"u8))
            {
                resource = StringOrNull(ref reader);
            }
            else if (reader.ValueTextEquals("field"u8))
            {
                field = StringOrNull(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = StringOrNull(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = StringOrNull(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ApiError(resource, field, code, message);
    }

    // Moves to the value; returns it if it is a string, skips it otherwise.
    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
