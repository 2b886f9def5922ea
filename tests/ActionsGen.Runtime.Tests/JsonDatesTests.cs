using System.Globalization;
using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;
using Xunit;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The date-time fast path reads GitHub's shapes itself and leaves every other text to System.Text.Json: whatever it
/// accepts must be exactly what System.Text.Json reads (same instant and same offset), and what it reads through a
/// reader must always be System.Text.Json's answer.
/// </summary>
public sealed class JsonDatesTests
{
    public static TheoryData<string> GitHubShapes() => new()
    {
        "2020-01-20T17:42:40Z",
        "2020-01-20T09:42:40.000-08:00",
        "2024-02-29T23:59:59.9999999+14:00",
        "2023-12-31T00:00:00.1-14:00",
        "2019-08-08T08:00:00+00:00",
        "2019-08-08T08:00:00-00:00",
        "2019-08-08T08:00:00.12345+05:30",
        "0002-01-01T00:00:00Z",
        "9998-12-31T23:59:59Z",
    };

    public static TheoryData<string> OtherTexts() => new()
    {
        "2020-01-20T17:42:40",            // no offset: local time, System.Text.Json's call
        "2020-01-20",                     // date only
        "2020-01-20T17:42Z",              // no seconds
        "2020-01-20T17:42:40.Z",          // empty fraction
        "2020-01-20T17:42:40.12345678Z",  // eight fraction digits
        "2020-01-20t17:42:40z",           // lower case
        "2020-01-20 17:42:40Z",           // space
        "2020-01-20T17:42:40+0800",       // offset without a colon
        "2020-01-20T17:42:40+14:01",      // offset out of range
        "2020-01-20T17:42:40+08:60",
        "2020-01-20T17:42:40Z ",          // trailing text
        "2020-01-20T24:00:00Z",
        "2020-01-20T23:60:00Z",
        "2020-01-20T23:59:60Z",           // leap second
        "2023-02-29T00:00:00Z",           // not a leap year
        "2020-04-31T00:00:00Z",
        "2020-13-01T00:00:00Z",
        "2020-00-01T00:00:00Z",
        "2020-01-00T00:00:00Z",
        "0001-01-01T00:00:00+01:00",      // before DateTimeOffset's range in UTC
        "9999-12-31T23:59:59-01:00",      // after it
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.9999999Z",
        "19x0-01-01T00:00:00Z",
        "2020-0a-01T00:00:00Z",
        "2020-01-20T17:4:400Z",
        "-2020-01-20T17:42:40Z",
        "+2020-01-20T17:42:40Z",
        "",
        "not a date",
    };

    [Theory]
    [MemberData(nameof(GitHubShapes))]
    public void GitHubShapesAreReadHereAsSystemTextJsonReadsThem(string text)
    {
        Assert.True(JsonDates.TryParse(Encoding.UTF8.GetBytes(text), out var value), text);
        Assert.True(SystemTextJson(text, out var expected));
        Assert.True(expected.EqualsExact(value), $"{text}: {value:O} against {expected:O}");
    }

    [Theory]
    [MemberData(nameof(OtherTexts))]
    public void OtherTextsAreLeftToSystemTextJsonAndGetItsAnswer(string text)
    {
        Assert.False(JsonDates.TryParse(Encoding.UTF8.GetBytes(text), out _), text);
        var accepted = SystemTextJson(text, out var expected);
        var reader = Reader(text);
        Assert.Equal(accepted, JsonDates.TryRead(ref reader, null, out var value));
        Assert.True(expected.EqualsExact(value), $"{text}: {value:O} against {expected:O}");
    }

    [Fact]
    public void EscapedTextsGoToSystemTextJson()
    {
        var reader = Reader("2020-01-20T17:42:40\\u002B01:00", raw: true);
        Assert.True(JsonDates.TryRead(ref reader, null, out var value));
        Assert.Equal(new DateTimeOffset(2020, 1, 20, 17, 42, 40, TimeSpan.FromHours(1)), value);
        Assert.Equal(TimeSpan.FromHours(1), value.Offset);
    }

    [Fact]
    public void EveryTextThisAcceptsIsSystemTextJsonsValue()
    {
        // Random texts in and near the shape: valid ones, and ones with one character changed.
        var random = new Random(20261205);
        const string Noise = "0123456789-+:.TZ x";
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var instant = new DateTime(2, 1, 1).AddTicks((long)(random.NextDouble() * (new DateTime(9998, 12, 31) - new DateTime(2, 1, 1)).Ticks));
            var fraction = random.Next(9) switch { 0 => string.Empty, var n => "." + instant.Ticks.ToString("D7", CultureInfo.InvariantCulture)[..Math.Min(n, 7)] };
            var minutes = random.Next(-15 * 60, 15 * 60);
            var offset = random.Next(4) == 0 ? "Z" : (minutes < 0 ? "-" : "+") + (Math.Abs(minutes) / 60).ToString("D2", CultureInfo.InvariantCulture) + ":" + (Math.Abs(minutes) % 60).ToString("D2", CultureInfo.InvariantCulture);
            var text = instant.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;
            if (random.Next(3) == 0)
            {
                var chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
                text = new string(chars);
            }

            if (JsonDates.TryParse(Encoding.UTF8.GetBytes(text), out var value))
            {
                accepted++;
                Assert.True(SystemTextJson(text, out var expected), text + " is accepted here, refused by System.Text.Json");
                Assert.True(expected.EqualsExact(value), $"{text}: {value:O} against {expected:O}");
            }
        }

        Assert.InRange(accepted, 10_000, 20_000);
    }

    [Fact]
    public void TheLastTextParsedGivesItsValueOnlyToEqualTexts()
    {
        // Each text after the first differs from the one before in one byte (every position of both shapes), is a
        // repeat, or has another length; the memo must answer as a parse does, every time.
        var texts = new List<string> { "", "2020-01-20T09:42:40.000-08:00", "2020-01-20T09:42:40.000-08:00" };
        foreach (var shape in new[] { "2020-01-20T09:42:40.000-08:00", "2020-01-20T17:42:40Z" })
        {
            for (var at = 0; at < shape.Length; at++)
            {
                var chars = shape.ToCharArray();
                chars[at] = chars[at] == '1' ? '2' : '1';
                texts.Add(shape);
                texts.Add(new string(chars));
                texts.Add(new string(chars));
            }
        }

        texts.AddRange(["2024-02-29T23:59:59.9999999+14:00", "2024-02-29T23:59:59.9999999+14:00", "2020-01-20", "2020-01-20T17:42:40Z"]);
        ReadInTurn(texts);
    }

    [Fact]
    public void AnotherSecondOfTheLastTextsMinuteIsReadAsAParseReadsIt()
    {
        // Every length the memo holds (20 to 32 bytes: the seconds sit at each place of its last 16), the seconds
        // changed alone, to values that are not seconds, and together with another byte of the text.
        var texts = new List<string>();
        foreach (var fraction in new[] { "", ".1", ".12", ".123", ".1234", ".12345", ".123456", ".1234567" })
        {
            foreach (var offset in new[] { "Z", "-08:00", "+14:00" })
            {
                var head = "2020-02-29T23:59:";
                foreach (var seconds in new[] { "00", "07", "59", "07", "60", "6x", "x7", "58", "00" })
                {
                    texts.Add(head + seconds + fraction + offset);
                }

                texts.Add(head + "01" + fraction + offset);
                texts.Add("2020-02-29T23:58:02" + fraction + offset);
                texts.Add(head + "03" + fraction + offset);
                texts.Add(head + "04" + fraction + (offset == "Z" ? "Z" : "+01:00"));
                texts.Add(head + "05" + (fraction.Length == 0 ? string.Empty : ".9" + fraction[2..]) + offset);
            }
        }

        ReadInTurn(texts);
    }

    // Reads the texts in turn through one memo: each answers as a parse does.
    private static void ReadInTurn(List<string> texts)
    {
        var last = default(JsonDates.Last);
        foreach (var text in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var parsed = JsonDates.TryParse(bytes, out var expected);
            Assert.Equal(parsed, last.TryParse(bytes, out var value));
            Assert.True(expected.EqualsExact(value), $"{text}: {value:O} against {expected:O}");
        }
    }

    [Fact]
    public void ReadsThroughAContextAreSystemTextJsonsValues()
    {
        var json = """["2020-01-20T09:42:41.000-08:00","2020-01-20T09:42:41.000-08:00","2020-01-20T09:42:41.000-07:00","2020-01-20T17:42:40Z","2020-01-20T17:42:40Z"]""";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var context = JsonReadContext.Rent(JsonDeviationKinds.None);
        var read = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var expected = reader.GetDateTimeOffset();
                Assert.True(JsonDates.TryRead(ref reader, context, out var value));
                Assert.True(expected.EqualsExact(value), $"{value:O} against {expected:O}");
                read++;
            }
        }
        finally
        {
            JsonReadContext.Return(context);
        }

        Assert.Equal(5, read);
    }

    private static bool SystemTextJson(string text, out DateTimeOffset value)
    {
        var reader = Reader(text);
        return reader.TryGetDateTimeOffset(out value);
    }

    private static Utf8JsonReader Reader(string text, bool raw = false)
    {
        var json = raw ? "\"" + text + "\"" : JsonSerializer.Serialize(text);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
