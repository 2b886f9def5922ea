using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a string enum as an extensible readonly struct: the known values are static members, and any other value
/// read from JSON is kept as it is, so a value GitHub adds later never breaks a client. The known values are one
/// <c>JsonEnumValues</c> table; reading, writing and <c>IsKnown</c> are the runtime's (<c>IJsonEnum&lt;T&gt;</c>), and
/// equality is the compiler's: a <c>record struct</c> compares its one string field ordinally, with no source to bind.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = type.Name;
        w.DocComment(type.Description, "Known values are static members; any other value is kept as read (see IsKnown).");
        w.Line(JsonCode.ConverterAttribute(type.Name));
        using (w.Block($"public readonly partial record struct {type.Name} : {JsonCode.JsonEnum}<{self}>"))
        {
            var values = string.Join(", ", type.Members.Select(m => SourceWriter.Literal(m.Value)));
            w.Line($"private static readonly {JsonCode.EnumValues} {MemberNames.JsonTable} = new({values});");
            w.Line($"private readonly string? {MemberNames.EnumValueField};");
            w.Line();
            w.DocComment("Creates a value; use the static members for the known ones.");
            w.Line($"public {type.Name}(string value) => {MemberNames.EnumValueField} = value ?? throw new {TypeNames.ArgumentNull}(nameof(value));");
            w.Line();
            foreach (var member in type.Members)
            {
                w.DocElement("summary", "The value " + member.Value + ".");
                w.Line($"public static {self} {member.Name} => new({SourceWriter.Literal(member.Value)});");
            }

            w.Line();
            w.DocComment("The value as it appears in JSON.");
            w.Line($"public string {MemberNames.EnumValue} => {MemberNames.EnumValueField} ?? string.Empty;");
            w.Line();
            w.DocComment("Whether the value is one of those the spec lists.");
            w.Line($"public bool {MemberNames.EnumIsKnown} => {MemberNames.JsonTable}.Contains({MemberNames.EnumValueField});");
            w.Line();
            w.Line($"public static implicit operator {self}(string value) => new(value);");
            w.Line($"public override string ToString() => {MemberNames.EnumValue};");
            w.Line($"static {JsonCode.EnumValues} {JsonCode.JsonEnum}<{self}>.Values => {MemberNames.JsonTable};");
            w.Line($"static {self} {JsonCode.JsonEnum}<{self}>.Create(string value) => new(value);");
        }

        w.FileFooter();
        return w.ToString();
    }
}
