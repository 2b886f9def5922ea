using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActionsGen.Testing;

/// <summary>Semantic JSON equality: same members in any order, same values. Two ISO 8601 date-times are equal when they name the same instant with the same offset (so "…:40.000-08:00" equals "…:40-08:00").</summary>
internal static partial class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Compare(e.RootElement, a.RootElement, "$");
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind} but was {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                var lost = expectedNames.Except(actualNames).ToArray();
                var added = actualNames.Except(expectedNames).ToArray();
                Assert.True(lost.Length == 0 && added.Length == 0, $"{path}: lost [{string.Join(", ", lost)}], added [{string.Join(", ", added)}]");
                foreach (var property in expected.EnumerateObject())
                {
                    Compare(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: array length {expected.GetArrayLength()} vs {actual.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDecimal() == actual.GetDecimal(), $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}");
                break;
            case JsonValueKind.String:
                var left = expected.GetString()!;
                var right = actual.GetString()!;
                if (left != right && IsoDate().IsMatch(left)
                    && DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.None, out var l)
                    && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.None, out var r))
                {
                    Assert.True(l == r && l.Offset == r.Offset, $"{path}: {left} vs {right}");
                    break;
                }

                Assert.True(left == right, $"{path}: \"{left}\" vs \"{right}\"");
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")]
    private static partial Regex IsoDate();
}
