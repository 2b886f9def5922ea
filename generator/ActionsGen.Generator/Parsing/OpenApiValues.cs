using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>Reads plain values out of OpenAPI objects: literal defaults and enum values, the JSON media type of a content map.</summary>
internal static class OpenApiValues
{
    public static KeyValuePair<string, OpenApiMediaType>? JsonContent(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var pair in content)
        {
            var mediaType = pair.Key.Split(';')[0].Trim();
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return pair;
            }
        }

        return null;
    }

    public static string? Text(IOpenApiAny? value) => value switch
    {
        OpenApiString s => s.Value,
        OpenApiInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiDouble d => d.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiDate date => date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OpenApiDateTime dateTime => dateTime.Value.ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };
}
