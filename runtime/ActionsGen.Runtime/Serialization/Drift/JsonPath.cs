using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// The JSON paths of values found by byte offset. The reader does not track paths (that would cost every read), so
/// after a read that found deviations the document is walked once more, up to the last offset asked for.
/// </summary>
internal static class JsonPath
{
    private struct Frame
    {
        public bool IsArray;
        public int Index;
        public string? Name;
    }

    /// <summary>
    /// The path of the value that starts at each target offset, or (for a target with a member name) of that member
    /// of the object that ends there. <paramref name="reader"/> is on the document's first token or before it.
    /// </summary>
    public static string[] Of(Utf8JsonReader reader, IReadOnlyList<(long Offset, string? Member)> targets)
    {
        var paths = new string[targets.Count];
        var order = new int[targets.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => targets[a].Offset.CompareTo(targets[b].Offset));
        var next = 0;
        var frames = new List<Frame>();
        try
        {
            if (reader.TokenType == JsonTokenType.None && !reader.Read())
            {
                return Fill(paths, targets);
            }

            do
            {
                var offset = reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var top = frames[^1];
                        top.Name = Name(ref reader);
                        frames[^1] = top;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        Match(frames, frames.Count - 1, offset, targets, order, paths, ref next);
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            var array = frames[^1];
                            array.Index++;
                            frames[^1] = array;
                        }

                        Match(frames, frames.Count, offset, targets, order, paths, ref next);
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray, Index = -1 });
                        }

                        break;
                }
            }
            while (next < order.Length && frames.Count > 0 && reader.Read());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A document that fails later than the deviations still gets their paths; any left are named by offset.
        }

        return Fill(paths, targets);
    }

    /// <summary>The path of one target.</summary>
    public static string Of(Utf8JsonReader reader, long offset, string? member) => Of(reader, new[] { (offset, member) })[0];

    private static void Match(List<Frame> frames, int depth, long offset, IReadOnlyList<(long Offset, string? Member)> targets, int[] order, string[] paths, ref int next)
    {
        while (next < order.Length && targets[order[next]].Offset <= offset)
        {
            var target = order[next++];
            if (targets[target].Offset == offset)
            {
                paths[target] = Build(frames, depth, targets[target].Member);
            }
        }
    }

    // A name as best it can be read: a path names a place, so a malformed one is shown, not refused.
    private static string Name(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        }
    }

    private static string Build(List<Frame> frames, int depth, string? member)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < depth; i++)
        {
            if (frames[i].IsArray)
            {
                path.Append('[').Append(frames[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                Append(path, frames[i].Name ?? string.Empty);
            }
        }

        if (member is not null)
        {
            Append(path, member);
        }

        return path.ToString();
    }

    // $.name for plain names, $['name'] for any other.
    private static void Append(StringBuilder path, string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (plain)
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    private static string[] Fill(string[] paths, IReadOnlyList<(long Offset, string? Member)> targets)
    {
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] ??= "$ (byte offset " + targets[i].Offset.ToString(CultureInfo.InvariantCulture) + ")" + (targets[i].Member is { } member ? "." + member : string.Empty);
        }

        return paths;
    }
}
