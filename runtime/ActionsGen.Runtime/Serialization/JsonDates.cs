using System;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// Date-times in the shape GitHub sends, read straight from their UTF-8 bytes: <c>yyyy-MM-ddTHH:mm:ss</c>, an
/// optional fraction of 1 to 7 digits, then <c>Z</c> or <c>±HH:mm</c>. Every other text (escaped, another ISO 8601
/// form, out of range, invalid) goes to <see cref="Utf8JsonReader.TryGetDateTimeOffset"/>, which decides: a value is
/// always the one System.Text.Json reads, only sooner.
/// </summary>
internal static class JsonDates
{
    private const int SecondsEnd = 19; // "yyyy-MM-ddTHH:mm:ss"
    private const int FractionDigits = 7; // ticks

    // Days before each month of a common year, and the year's length.
    private static ReadOnlySpan<ushort> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    /// <summary>Reads the current string token as a date-time, as <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> would.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value) =>
        (!reader.ValueIsEscaped && !reader.HasValueSequence && TryParse(reader.ValueSpan, out value))
        || reader.TryGetDateTimeOffset(out value);

    /// <summary>Parses GitHub's shape only; false for anything else (which may still be a date-time).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length <= SecondsEnd || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        var century = Two(text, 0);
        var yearOfCentury = Two(text, 2);
        var year = century * 100 + yearOfCentury;
        var month = Two(text, 5);
        var day = Two(text, 8);
        var hour = Two(text, 11);
        var minute = Two(text, 14);
        var second = Two(text, 17);

        // Years 1 and 9999 are left to System.Text.Json: an offset can take them out of DateTimeOffset's range.
        if (century > 99 || yearOfCentury > 99 || year is < 2 or > 9998 || month is < 1 or > 12 || day < 1
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        var before = (uint)DaysBeforeMonth[(int)month - 1] + (leap && month > 2 ? 1u : 0u);
        var monthDays = (uint)DaysBeforeMonth[(int)month] + (leap && month >= 2 ? 1u : 0u) - before;
        if (day > monthDays)
        {
            return false;
        }

        var at = SecondsEnd;
        long fraction = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            while (++at < text.Length && Digit(text[at]) is var digit && digit <= 9)
            {
                if (++digits > FractionDigits)
                {
                    return false;
                }

                fraction = fraction * 10 + digit;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < FractionDigits; digits++)
            {
                fraction *= 10;
            }
        }

        if (!TryOffset(text[at..], out var offsetMinutes))
        {
            return false;
        }

        var pastYears = year - 1;
        var days = pastYears * 365 + pastYears / 4 - pastYears / 100 + pastYears / 400 + before + day - 1;
        var ticks = days * TimeSpan.TicksPerDay + (hour * 3600 + minute * 60 + second) * TimeSpan.TicksPerSecond + fraction;
        value = new DateTimeOffset(ticks, new TimeSpan(offsetMinutes * TimeSpan.TicksPerMinute));
        return true;
    }

    // "Z" or "+HH:mm" / "-HH:mm" within DateTimeOffset's ±14 hours, and nothing after it.
    private static bool TryOffset(ReadOnlySpan<byte> text, out int minutes)
    {
        minutes = 0;
        if (text.Length == 1)
        {
            return text[0] == 'Z';
        }

        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || text[3] != ':')
        {
            return false;
        }

        var hours = Two(text, 1);
        var rest = Two(text, 4);
        if (rest > 59 || hours * 60 + rest > 14 * 60)
        {
            return false;
        }

        minutes = (int)(hours * 60 + rest);
        minutes = text[0] == '-' ? -minutes : minutes;
        return true;
    }

    // A non-digit is above 9 (uint wraps below '0').
    private static uint Digit(byte b) => (uint)(b - '0');

    // Two digits, or 100 (above every bound checked) when either is not a digit.
    private static uint Two(ReadOnlySpan<byte> text, int at)
    {
        uint tens = Digit(text[at]), ones = Digit(text[at + 1]);
        return tens > 9 || ones > 9 ? 100 : tens * 10 + ones;
    }
}
