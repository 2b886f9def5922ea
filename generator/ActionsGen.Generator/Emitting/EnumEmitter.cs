using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a string enum as an extensible readonly struct: the known values are static members, and any other value
/// read from JSON is kept as it is, so a value GitHub adds later never breaks a client.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = TypeNames.Qualified(ns, type.Name);
        w.DocComment(type.Description, "Known values are static members; any other value is kept as read (see IsKnown).");
        w.Line($"[{TypeNames.ConverterAttribute}(typeof({TypeNames.Converter(ns, type.Name)}))]");
        using (w.Block($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>, {TypeNames.JsonModel}<{self}>"))
        {
            w.Line("private readonly string? _value;");
            w.Line();
            w.DocComment($"Creates a value; use the static members for the known ones.");
            using (w.Block($"public {type.Name}(string value)"))
            {
                w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }

            foreach (var member in type.Members)
            {
                w.Line();
                w.DocElement("summary", "The value " + member.Value);
                w.Line($"public static {self} {member.Name} => new {self}({SourceWriter.Literal(member.Value)});");
            }

            w.Line();
            w.DocComment("The value as it appears in JSON.");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            w.DocComment("Whether the value is one of those the spec lists.");
            w.Line("public bool IsKnown => Value switch");
            w.Line("{");
            w.Indent();
            foreach (var member in type.Members)
            {
                w.Line($"{SourceWriter.Literal(member.Value)} => true,");
            }

            w.Line("_ => false,");
            w.Unindent();
            w.Line("};");
            w.Line();
            w.Line($"public static implicit operator {self}(string value) => new {self}(value);");
            w.Line();
            w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
            w.Line();
            w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
            w.Line();
            w.Line($"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
            w.Line();
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("public override string ToString() => Value;");
            w.Line();
            ModelEmitter.JsonModelMembers(w, ns, type.Name);
        }

        w.FileFooter();
        return w.ToString();
    }
}
