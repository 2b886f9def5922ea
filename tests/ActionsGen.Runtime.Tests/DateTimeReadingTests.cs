using System.Globalization;
using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Tests;

/// <summary>Date-times read through the runtime's fast path give exactly what System.Text.Json's reader gives, or its error.</summary>
public class DateTimeReadingTests
{
    public static TheoryData<string> Shapes() =>
    [
        "2020-01-20T17:42:40Z", "2020-01-20T09:42:40.000-08:00", "2020-01-20T09:42:40+05:30", "2024-02-29T23:59:59.9999999Z",
        "2020-01-20T09:42:40.1Z", "2020-01-20T09:42:40.12345678Z", "2020-01-20T09:42:40.Z", "2020-01-20T09:42:40",
        "2020-01-20", "2020-01-20T09:42Z", "2020-01-20T09:42:40+14:00", "2020-01-20T09:42:40-14:00", "2020-01-20T09:42:40+13:59",
        "2020-01-20T09:42:40+15:00", "2020-01-20T09:42:40+0800", "2020-01-20T09:42:40+08", "2020-01-20t09:42:40Z",
        "2020-01-20 09:42:40Z", "2023-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z",
        "2020-01-32T00:00:00Z", "2020-01-20T24:00:00Z", "2020-01-20T23:60:00Z", "2020-01-20T23:59:60Z", "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00",
        "0002-01-01T00:00:00Z", "9998-12-31T23:59:59Z", "2020-01-20T09:42:40z", "2020-01-20T09:42:40ZZ", "2020-01-20T09:42:40+08:60",
        "2O20-01-20T09:42:40Z", "20:0-01-20T09:42:40Z", "2020-01-20T09:42:40.12a4Z", "2020-01-2/T09:42:40Z", "2020-01-20T09:42:40.000+00:00",
        "2020-01-20T09:42:40.000-00:00", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_date_time_reads_as_System_Text_Json_reads_it(string text)
    {
        var json = Encoding.UTF8.GetBytes("\"" + text + "\"");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var expectedOk = reader.TryGetDateTimeOffset(out var expected);

        var fastOk = IsoDateTime.TryParse(Encoding.UTF8.GetBytes(text), out var fast);
        DateTimeOffset? actual = null;
        JsonException? error = null;
        try
        {
            actual = JsonRead.DateTimeOffset(ref reader);
        }
        catch (JsonException e)
        {
            error = e;
        }

        if (expectedOk)
        {
            Assert.Null(error);
            Assert.True(expected.EqualsExact(actual!.Value), $"{text}: {actual:o} but System.Text.Json reads {expected:o}");
            Assert.True(!fastOk || expected.EqualsExact(fast), $"{text}: fast path {fast:o}");
        }
        else
        {
            Assert.False(fastOk, $"{text}: fast path accepted what System.Text.Json rejects");
            Assert.Contains("not an ISO 8601 date-time", error!.Message);
        }
    }

    [Fact]
    public void Random_date_times_in_every_offset_form_read_as_System_Text_Json_reads_them()
    {
        var random = new Random(2024);
        for (var i = 0; i < 40_000; i++)
        {
            // Half in one leap year (every one must take the fast path), half anywhere in DateTime's range.
            var start = i % 2 == 0 ? new DateTime(2024, 1, 1) : new DateTime(random.Next(1, 10000), 1, 1);
            var time = start.AddSeconds(random.Next(365 * 24 * 3600)).AddTicks(random.Next(10_000_000));
            var text = (i / 2 % 4) switch
            {
                0 => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                1 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "-08:00",
                2 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "+05:45",
                _ => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", CultureInfo.InvariantCulture),
            };
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + text + "\""));
            reader.Read();
            var expectedOk = reader.TryGetDateTimeOffset(out var expected);

            var fastOk = IsoDateTime.TryParse(Encoding.UTF8.GetBytes(text), out var fast);

            Assert.True(fastOk || i % 2 == 1, text);
            Assert.True(!fastOk || (expectedOk && expected.EqualsExact(fast)), $"{text}: {fast:o} but System.Text.Json reads {expected:o} ({expectedOk})");
        }
    }
}
