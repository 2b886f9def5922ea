using System;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>The <c>payload</c> field of an <c>application/x-www-form-urlencoded</c> delivery, decoded to its UTF-8 JSON bytes.</summary>
internal static class FormPayload
{
    public static ReadOnlyMemory<byte>? Extract(ReadOnlySpan<byte> form)
    {
        while (!form.IsEmpty)
        {
            var end = form.IndexOf((byte)'&');
            var field = end < 0 ? form : form[..end];
            form = end < 0 ? ReadOnlySpan<byte>.Empty : form[(end + 1)..];
            var equals = field.IndexOf((byte)'=');
            if (equals >= 0 && IsPayload(field[..equals]))
            {
                return Decode(field[(equals + 1)..]);
            }
        }

        return null;
    }

    private static bool IsPayload(ReadOnlySpan<byte> name) => name.SequenceEqual("payload"u8);

    // '+' is a space and %XX a byte; a '%' not followed by two hex digits is kept as it is.
    private static byte[] Decode(ReadOnlySpan<byte> value)
    {
        var decoded = new byte[value.Length];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%' && i + 2 < value.Length && Hex(value[i + 1]) is var high and >= 0 && Hex(value[i + 2]) is var low and >= 0)
            {
                b = (byte)((high << 4) | low);
                i += 2;
            }

            decoded[length++] = b;
        }

        return decoded.AsSpan(0, length).ToArray();
    }

    private static int Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
