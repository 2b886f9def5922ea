using System;
using System.Buffers.Binary;
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

    /// <summary>
    /// Reads the current string token as a date-time, as <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> would; with
    /// a <paramref name="context"/>, a text equal to the last one parsed on its thread is not parsed again.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, JsonReadContext? context, out DateTimeOffset value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var text = reader.ValueSpan;
            if (context is null ? TryParse(text, out value) : context.LastDate.TryParse(text, out value))
            {
                return true;
            }
        }

        return reader.TryGetDateTimeOffset(out value);
    }

    /// <summary>Parses GitHub's shape only; false for anything else (which may still be a date-time).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length <= SecondsEnd)
        {
            return false;
        }

        // "yyyy-MM-ddTHH:mm:ss" as three little-endian words, checked and converted eight bytes at a time.
        var date = BinaryPrimitives.ReadUInt64LittleEndian(text);              // yyyy-MM-
        var time = BinaryPrimitives.ReadUInt64LittleEndian(text[8..]);         // ddTHH:mm
        var seconds = BinaryPrimitives.ReadUInt32LittleEndian(text[16..]);     // :ss and the next byte
        if (!Matches(date, 0x00FF_FF00_FFFF_FFFF, 0xFF00_00FF_0000_0000, 0x2D00_002D_0000_0000)
            || !Matches(time, 0xFFFF_00FF_FF00_FFFF, 0x0000_FF00_00FF_0000, 0x0000_3A00_0054_0000)
            || !Matches(seconds, 0x00FF_FF00, 0x0000_00FF, 0x0000_003A))
        {
            return false;
        }

        // Each byte becomes ten times its digit plus the next one's: a two-digit number where a field starts.
        date = Pairs(date);
        time = Pairs(time);
        var century = (uint)(byte)date;
        var yearOfCentury = (uint)(byte)(date >> 16);
        var month = (uint)(byte)(date >> 40);
        var day = (uint)(byte)time;
        var hour = (uint)(byte)(time >> 24);
        var minute = (uint)(byte)(time >> 48);
        var second = (uint)(byte)(Pairs(seconds) >> 8);
        var year = century * 100 + yearOfCentury;

        // Years 1 and 9999 are left to System.Text.Json: an offset can take them out of DateTimeOffset's range.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
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

    // Whether the bytes under digitMask are ASCII digits and those under separatorMask are the separators given.
    // Adding 6 carries out of a byte only above 0xF9, which already fails the first test (or is not a separator).
    private static bool Matches(ulong word, ulong digitMask, ulong separatorMask, ulong separators) =>
        (word & separatorMask) == separators
        && (word & 0xF0F0_F0F0_F0F0_F0F0 & digitMask) == (0x3030_3030_3030_3030 & digitMask)
        && ((word + 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 & digitMask) == (0x3030_3030_3030_3030 & digitMask);

    // Byte i becomes digit(i) * 10 + digit(i + 1): at most 15 * 10 + 15, so no byte carries into the next.
    private static ulong Pairs(ulong word)
    {
        var digits = word & 0x0F0F_0F0F_0F0F_0F0F;
        return (digits * 10) + (digits >> 8);
    }

    // A non-digit is above 9 (uint wraps below '0').
    private static uint Digit(byte b) => (uint)(b - '0');

    // Two digits, or 100 (above every bound checked) when either is not a digit.
    private static uint Two(ReadOnlySpan<byte> text, int at)
    {
        uint tens = Digit(text[at]), ones = Digit(text[at + 1]);
        return tens > 9 || ones > 9 ? 100 : tens * 10 + ones;
    }

    /// <summary>
    /// The last date-time text parsed and its value. GitHub's documents repeat a date-time right after itself: a step
    /// starts when the one before it completed, a new run is created, updated and started at the same second. Equal
    /// bytes are equal values, so a repeat costs a compare instead of a parse.
    /// </summary>
    internal struct Last
    {
        // A text of 16 to 32 bytes (GitHub's are 20 and 29) is held as its first and last 16 bytes, which overlap:
        // four words and the length tell an equal text. Words, not Vector128 fields: a type holding a vector has no
        // fixed layout for ReadyToRun, and every method touching the context would be compiled at first read.
        private const int Window = 16;

        private ulong _head0;
        private ulong _head1;
        private ulong _tail0;
        private ulong _tail1;
        private int _length;
        private int _second;
        private DateTimeOffset _value;

        /// <summary>Parses <paramref name="text"/> as <see cref="JsonDates.TryParse"/> does, unless it is the last text parsed.</summary>
        public bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
        {
            var length = text.Length;
            if (length is < Window or > 2 * Window)
            {
                return JsonDates.TryParse(text, out value);
            }

            var head0 = BinaryPrimitives.ReadUInt64LittleEndian(text);
            var head1 = BinaryPrimitives.ReadUInt64LittleEndian(text[8..]);
            var tail0 = BinaryPrimitives.ReadUInt64LittleEndian(text[(length - Window)..]);
            var tail1 = BinaryPrimitives.ReadUInt64LittleEndian(text[(length - 8)..]);
            if (length == _length && ((head0 ^ _head0) | (head1 ^ _head1)) == 0)
            {
                var tail = (tail0 ^ _tail0) | (tail1 ^ _tail1);
                if (tail == 0)
                {
                    value = _value;
                    return true;
                }

                // The same minute, fraction and offset, other seconds (a step ending a few seconds after it started):
                // the value moves by the difference, no parse. The seconds are bytes 17 and 18, which the last 16 bytes
                // (tail0, then tail1) hold from byte 33 - length on; the first 16 bytes are equal, so the tail's are too.
                var at = 33 - length;
                var seconds0 = at < 8 ? 0xFFFFUL << (8 * at) : 0;
                var seconds1 = at >= 8 ? 0xFFFFUL << (8 * (at - 8)) : at == 7 ? 0xFFUL : 0;
                var second = Two(text, 17);
                if ((((tail0 ^ _tail0) & ~seconds0) | ((tail1 ^ _tail1) & ~seconds1)) == 0 && second <= 59)
                {
                    value = _value.AddTicks(((int)second - _second) * TimeSpan.TicksPerSecond);
                    (_tail0, _tail1, _second, _value) = (tail0, tail1, (int)second, value);
                    return true;
                }
            }

            if (!JsonDates.TryParse(text, out value))
            {
                return false;
            }

            (_head0, _head1, _tail0, _tail1, _length, _second, _value) = (head0, head1, tail0, tail1, length, (int)Two(text, 17), value);
            return true;
        }
    }
}
