using System;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Simulation;

/// <summary>The bodies GitHub answers with when it refuses a request, as the client's error types read them.</summary>
internal static class GitHubAnswers
{
    public const string Documentation = "https://docs.github.com/rest";
    public const string RateLimitDocumentation = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

    /// <summary><c>{"message":…,"documentation_url":…,"status":"404"}</c>.</summary>
    public static byte[] Error(HttpStatusCode status, string message, string? documentationUrl) =>
        Write(writer =>
        {
            writer.WriteString("message"u8, message);
            writer.WriteString("documentation_url"u8, documentationUrl ?? Documentation);
            writer.WriteString("status"u8, ((int)status).ToString(CultureInfo.InvariantCulture));
        });

    /// <summary>GitHub's 422: <c>{"message":"Validation Failed","errors":[{"resource","field","code","message"}],…}</c>.</summary>
    public static byte[] ValidationFailed(ValidationErrors errors, string? documentationUrl) =>
        Write(writer =>
        {
            writer.WriteString("message"u8, "Validation Failed");
            writer.WriteStartArray("errors"u8);
            foreach (var error in errors.Entries)
            {
                writer.WriteStartObject();
                writer.WriteString("resource"u8, error.Resource);
                writer.WriteString("field"u8, error.Field);
                writer.WriteString("code"u8, error.Code);
                writer.WriteString("message"u8, error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("documentation_url"u8, documentationUrl ?? Documentation);
            writer.WriteString("status"u8, "422");
        });

    /// <summary>The message of a status with no body of its own: GitHub's wording where it has one.</summary>
    public static string MessageFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Unauthorized => "Bad credentials",
        HttpStatusCode.Forbidden => "Resource not accessible by integration",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.UnprocessableEntity => "Validation Failed",
        >= HttpStatusCode.InternalServerError => "Server Error",
        _ => ReasonPhrase(status),
    };

    private static string ReasonPhrase(HttpStatusCode status)
    {
        using var response = new System.Net.Http.HttpResponseMessage(status);
        return response.ReasonPhrase ?? status.ToString();
    }

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="text"/> is one JSON value.</summary>
    public static bool IsJson(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
