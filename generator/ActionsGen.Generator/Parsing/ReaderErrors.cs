using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// Microsoft.OpenApi's errors → diagnostics at their line. Degrade, don't fail: an error inside one operation skips
/// that operation (ACTG011), one inside one component is a warning (what was read of it is used), a dangling
/// <c>$ref</c> is raw JSON (ACTG004, a warning); only an error about the document as a whole stays ACTG003.
/// </summary>
internal sealed class ReaderErrors
{
    private static readonly Regex InvalidReference = new("^Invalid Reference identifier '(?<id>.*)'\\.?$", RegexOptions.CultureInvariant);
    private static readonly string[] Methods = { "get", "put", "post", "delete", "patch", "head", "options", "trace" };

    private readonly string _path;
    private readonly YamlScan _scan;
    private readonly ISet<string> _skipped;

    public ReaderErrors(string path, YamlScan scan, ISet<string> skipped)
    {
        _path = path;
        _scan = scan;
        _skipped = skipped;
    }

    /// <summary>The diagnostic for one reader error, or null when another diagnostic already says it (an external reference).</summary>
    public DiagnosticInfo? ToDiagnostic(string? pointer, string message)
    {
        var reference = InvalidReference.Match(message);
        if (reference.Success)
        {
            return Unresolved(reference.Groups["id"].Value);
        }

        var position = Position(pointer);
        if (pointer is null || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return Whole(position, message, pointer);
        }

        var segments = pointer.Split('/');
        if (segments.Length >= 3 && segments[1] == "paths")
        {
            var pathPointer = "#/paths/" + segments[2];
            var isOperation = segments.Length >= 4 && Methods.Contains(segments[3]);
            _skipped.Add(isOperation ? pathPointer + "/" + segments[3] : pathPointer);
            var where = isOperation ? $"{segments[3].ToUpperInvariant()} {Unescape(segments[2])}" : Unescape(segments[2]);
            return DiagnosticInfo.Create(Descriptors.PartSkipped, _path, position, where, SpecReader.Clean(message) + " (at " + pointer + ")", isOperation ? "the operation is skipped" : "the operations of this path are skipped");
        }

        if (segments.Length >= 4 && segments[1] == "components")
        {
            return DiagnosticInfo.Create(Descriptors.PartSkipped, _path, position, "#/components/" + segments[2] + "/" + segments[3], SpecReader.Clean(message) + " (at " + pointer + ")", "what could be read of it is used, and a value that could not be read is raw JSON");
        }

        return Whole(position, message, pointer);
    }

    private DiagnosticInfo? Unresolved(string id)
    {
        foreach (var target in _scan.References)
        {
            if (target == id || target.EndsWith("/" + id, StringComparison.Ordinal))
            {
                return DiagnosticInfo.Create(Descriptors.UnresolvedReference, _path, _scan.FindReference(target)!.Value, target);
            }
        }

        // An external reference has its own diagnostic (ACTG012) at each place it is used.
        return _scan.ExternalReferences.Any(e => e.Target.Contains(id)) ? null : DiagnosticInfo.Create(Descriptors.UnresolvedReference, _path, SpecPosition.Start, id);
    }

    private DiagnosticInfo Whole(SpecPosition position, string message, string? pointer)
    {
        var where = string.IsNullOrEmpty(pointer) || pointer!.StartsWith("#line", StringComparison.Ordinal) ? string.Empty : " (at " + pointer + ")";
        return DiagnosticInfo.Create(Descriptors.InvalidOpenApi, _path, position, _path, SpecReader.Clean(message) + where);
    }

    private SpecPosition Position(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return SpecPosition.Start;
        }

        var line = SpecReader.LinePointer.Match(pointer);
        return line.Success
            ? new SpecPosition(Math.Max(int.Parse(line.Groups["line"].Value, CultureInfo.InvariantCulture) - 1, 0), 0)
            : _scan.Find(pointer!);
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
