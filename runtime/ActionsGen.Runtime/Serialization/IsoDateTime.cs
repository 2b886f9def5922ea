using System;
using System.Runtime.CompilerServices;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// A fast path for the date-times GitHub sends: <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of 1 to 7 digits,
/// then <c>Z</c> or <c>±HH:mm</c>. It returns false for any other shape and for values near a range's edge, and
/// System.Text.Json's reader decides those, so values and errors stay its own; on the accepted shapes the result is
/// the one it gives (a test compares the two).
/// </summary>
internal static class IsoDateTime
{
    // Fully optimized from the first call, as JsonRead's per-token readers are: a first document reads hundreds of
    // date-times before tiering would promote it, and its small helpers are then inlined instead of compiled alone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        uint century = Two(text[0], text[1]), years = Two(text[2], text[3]);
        var year = century > 99 || years > 99 ? uint.MaxValue : (century * 100) + years;
        var month = Two(text[5], text[6]);
        var day = Two(text[8], text[9]);
        var hour = Two(text[11], text[12]);
        var minute = Two(text[14], text[15]);
        var second = Two(text[17], text[18]);

        // A field with a non-digit is uint.MaxValue: out of range. Years 1 and 9999 are left to the reader: an offset
        // can take them out of DateTimeOffset's range.
        if (year - 2 > 9996 || month - 1 > 11 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var daysBefore = DaysBeforeMonth;
        var leap = DateTime.IsLeapYear((int)year);
        var firstOfMonth = daysBefore[(int)month - 1] + (leap && month > 2 ? 1u : 0u);
        var daysInMonth = daysBefore[(int)month] - daysBefore[(int)month - 1] + (leap && month == 2 ? 1u : 0u);
        if (day - 1 >= daysInMonth)
        {
            return false;
        }

        var position = 19;
        long fraction = 0;
        if (text[position] == '.')
        {
            var digits = 0;
            while (++position < text.Length && Digit(text[position]) <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + Digit(text[position]);
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        TimeSpan offset;
        var rest = text[position..];
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':')
        {
            var offsetHours = Two(rest[1], rest[2]);
            var offsetMinutes = Two(rest[4], rest[5]);
            if (offsetHours > 13 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan((int)offsetHours, (int)offsetMinutes, 0);
            if (rest[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        // Days since 0001-01-01, as DateTime counts them (the proleptic Gregorian calendar).
        var pastYears = year - 1;
        var days = (pastYears * 365) + (pastYears / 4) - (pastYears / 100) + (pastYears / 400) + firstOfMonth + day - 1;
        var ticks = (days * TimeSpan.TicksPerDay) + ((((hour * 60) + minute) * 60) + second) * TimeSpan.TicksPerSecond + fraction;
        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static ReadOnlySpan<uint> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit(byte c) => (uint)(c - '0');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Two(byte tens, byte units)
    {
        uint a = Digit(tens), b = Digit(units);
        return a > 9 || b > 9 ? uint.MaxValue : (a * 10) + b;
    }
}
