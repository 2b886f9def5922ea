using System;

namespace ActionsGen.Runtime.Http;

/// <summary>What may go into a request header: names are RFC 9110 tokens, values hold no control characters but tab.</summary>
internal static class HeaderRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="value"/>, or throws when it could end the header or inject another (CR, LF, NUL, other controls).</summary>
    public static string Value(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        foreach (var c in value)
        {
            if ((c < ' ' && c != '\t') || c == '\u007f')
            {
                throw new ArgumentException("A header value cannot contain CR, LF, NUL or other control characters.", name);
            }
        }

        return value;
    }
}
