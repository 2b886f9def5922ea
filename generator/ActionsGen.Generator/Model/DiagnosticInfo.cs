using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionsGen.Generator.Model;

/// <summary>
/// A diagnostic as plain data: descriptor id, message arguments and a position in the spec file. Turned into a
/// Roslyn <see cref="Diagnostic"/> only when reported, so results that carry diagnostics stay cacheable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, int Line, int Column)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SpecPosition position, params string[] arguments) =>
        new(descriptor.Id, new EquatableArray<string>(arguments), filePath, position.Line, position.Column);

    public Location ToLocation()
    {
        var start = new LinePosition(System.Math.Max(Line, 0), System.Math.Max(Column, 0));
        return Location.Create(FilePath, default, new LinePositionSpan(start, start));
    }
}

/// <summary>A zero-based line and column in a spec file.</summary>
internal readonly record struct SpecPosition(int Line, int Column)
{
    public static readonly SpecPosition Start = new(0, 0);
}
