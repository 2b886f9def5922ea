using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>Emits a <c>oneOf: [integer, string]</c> schema as a small struct that converts implicitly from both.</summary>
internal static class IntegerOrStringEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = type.Name;
        w.DocComment(type.Description, "An integer or a string; both convert implicitly.");
        w.Line(JsonCode.ConverterAttribute(type.Name));
        using (w.Block($"public readonly partial struct {type.Name} : {TypeNames.Equatable}<{self}>, {TypeNames.JsonModel}<{self}>"))
        {
            w.Line("private readonly long _integer;");
            w.Line("private readonly string? _string;");
            w.Line();
            w.DocComment("Creates the integer form.");
            using (w.Block($"public {type.Name}(long value)"))
            {
                w.Line("_integer = value;");
                w.Line("_string = null;");
            }

            w.Line();
            w.DocComment("Creates the string form.");
            using (w.Block($"public {type.Name}(string value)"))
            {
                w.Line("_integer = 0;");
                w.Line($"_string = value ?? throw new {TypeNames.ArgumentNull}(nameof(value));");
            }

            w.Line();
            w.DocComment("Whether this is the integer form.");
            w.Line("public bool IsInteger => _string is null;");
            w.Line();
            w.DocComment("The integer form, or null.");
            w.Line("public long? Integer => _string is null ? _integer : null;");
            w.Line();
            w.DocComment("The string form, or null.");
            w.Line("public string? String => _string;");
            w.Line();
            w.Line($"public static implicit operator {self}(long value) => new {self}(value);");
            w.Line();
            w.Line($"public static implicit operator {self}(string value) => new {self}(value);");
            w.Line();
            w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
            w.Line();
            w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
            w.Line();
            w.Line($"public bool Equals({self} other) => _integer == other._integer && string.Equals(_string, other._string, {TypeNames.Ordinal});");
            w.Line();
            w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
            w.Line();
            w.Line($"public override int GetHashCode() => _string is null ? _integer.GetHashCode() : {TypeNames.OrdinalComparer}.GetHashCode(_string);");
            w.Line();
            w.DocComment("The value as it goes into a URL path or query.");
            w.Line($"public override string ToString() => _string ?? _integer.ToString({Aliases.System}Globalization.CultureInfo.InvariantCulture);");
            w.Line();
            w.OpenBrace($"static {self} {TypeNames.JsonModel}<{self}>.ReadJson(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => reader.TokenType switch");
            w.Line($"{TypeNames.TokenType}.Number => new({JsonCode.Codec(TypeRef.Int64)}.Read(ref reader, context)),");
            w.Line($"{TypeNames.TokenType}.String => new({JsonCode.Codec(TypeRef.String)}.Read(ref reader, context)),");
            w.Line($"_ => {TypeNames.JsonRead}.Unexpected<{self}>(ref reader, context, \"an integer or a string\"),");
            w.CloseBrace(";");
            w.Line($"static bool {TypeNames.JsonModel}<{self}>.IsObject => false;");
            if (type.Writes)
            {
                w.Line();
                using (w.Block($"static void {TypeNames.JsonModel}<{self}>.WriteJson({TypeNames.Writer} writer, {self} value)"))
                {
                    w.Line("if (value._string is { } text) writer.WriteStringValue(text);");
                    w.Line("else writer.WriteNumberValue(value._integer);");
                }
            }
        }

        w.FileFooter();
        return w.ToString();
    }
}
