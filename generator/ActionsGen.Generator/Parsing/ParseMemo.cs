using System;
using System.Collections.Generic;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// The last few parse results of this process, by spec file (path, full text, metadata) and settings. Parsing is a
/// pure function of those, and the compiler server keeps the generator loaded between builds while running each build's
/// pipeline from nothing (the SDK's generator-driver cache is opt-in): without this, every edit build that leaves the
/// spec alone would read it again, seconds for GitHub's whole description. The results are immutable, so builds can
/// share them. Keys compare the whole text; a handful of entries bounds the memory held.
/// </summary>
internal static class ParseMemo
{
    private const int Capacity = 4;
    private static readonly LinkedList<Entry> s_entries = new();

    public static ParseResult GetOrParse(SpecFile file, GeneratorSettings settings, Func<SpecFile, GeneratorSettings, ParseResult> parse)
    {
        lock (s_entries)
        {
            for (var node = s_entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Settings.Equals(settings) && node.Value.File.Equals(file))
                {
                    s_entries.Remove(node);
                    s_entries.AddFirst(node);
                    return node.Value.Result;
                }
            }
        }

        var result = parse(file, settings);
        lock (s_entries)
        {
            s_entries.AddFirst(new Entry(file, settings, result));
            while (s_entries.Count > Capacity)
            {
                s_entries.RemoveLast();
            }
        }

        return result;
    }

    private sealed record Entry(SpecFile File, GeneratorSettings Settings, ParseResult Result);
}
