using System.Reflection;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// System.Text.Json's own switches for what a read refuses, followed by <see cref="JsonModelConverter{T}"/>. They
/// arrived in .NET 9 and this assembly targets .NET 8: read by name, false where the running framework lacks them.
/// </summary>
internal static class SerializerSwitches
{
    private static readonly PropertyInfo? RespectNullable = typeof(JsonSerializerOptions).GetProperty("RespectNullableAnnotations");
    private static readonly PropertyInfo? RespectRequired = typeof(JsonSerializerOptions).GetProperty("RespectRequiredConstructorParameters");

    public static JsonDeviationKinds Refused(JsonSerializerOptions options)
    {
        // A value of another type, format or range always fails a System.Text.Json read.
        var refused = JsonDeviationKinds.WrongType | JsonDeviationKinds.InvalidFormat | JsonDeviationKinds.OutOfRange;
        if (IsOn(RespectNullable, options))
        {
            refused |= JsonDeviationKinds.Null | JsonDeviationKinds.NullElement;
        }

        if (IsOn(RespectRequired, options))
        {
            refused |= JsonDeviationKinds.Missing;
        }

        return refused;
    }

    private static bool IsOn(PropertyInfo? property, JsonSerializerOptions options) => property?.GetValue(options) is true;
}
