using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a type's JSON code: <c>ReadCore</c>, one straight-line method over <c>Utf8JsonReader</c> (a switch on a hash
/// of the property name, confirmed against the UTF-8 name, writing the backing fields directly), <c>WriteCore</c>
/// over <c>Utf8JsonWriter</c>, and a <c>JsonConverter&lt;T&gt;</c> over both for System.Text.Json. No reflection.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var keyword = type.Kind == TypeModelKind.Object ? "sealed partial class" : "readonly partial struct";
        using (w.Block($"public {keyword} {type.Name}"))
        {
            switch (type.Kind)
            {
                case TypeModelKind.Object:
                    ObjectRead(w, ns, type);
                    w.Line();
                    ObjectWrite(w, ns, type);
                    break;
                case TypeModelKind.Enum:
                    EnumRead(w, ns, type);
                    w.Line();
                    w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                    w.Line($"internal static void WriteCore({TypeNames.Writer} writer, {TypeNames.Qualified(ns, type.Name)} value) => writer.WriteStringValue(value.Value);");
                    break;
                default:
                    UnionRead(w, ns, type);
                    w.Line();
                    UnionWrite(w, ns, type);
                    break;
            }
        }

        w.Line();
        Converter(w, ns, type);
        w.FileFooter();
        return w.ToString();
    }

    private static void Converter(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        w.DocComment($"Reads and writes {type.Name} for System.Text.Json with the generated code: no reflection, safe for trimming and Native AOT.");
        using (w.Block($"public sealed class {type.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{self}>"))
        {
            var nullableResult = type.Kind == TypeModelKind.Object ? "?" : string.Empty;
            w.Line("/// <inheritdoc/>");
            w.Line($"public override {self}{nullableResult} Read(ref {TypeNames.Reader} reader, global::System.Type typeToConvert, {TypeNames.Options} options) => {self}.ReadCore(ref reader, null);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public override void Write({TypeNames.Writer} writer, {self} value, {TypeNames.Options} options) => {self}.WriteCore(writer, value);");
        }
    }

    private static void ObjectRead(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        var tracked = TypeNames.NullTracked(type);
        var required = RequiredNonNull(type);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (w.Block($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            w.Line($"{TypeNames.JsonRead}.StartObject(ref reader, {SourceWriter.Literal(type.Name)});");
            w.Line($"var value = new {self}(context);");
            for (var word = 0; word < Words(required.Count); word++)
            {
                w.Line($"ulong required{word} = 0;");
            }

            if (tracked.Count > 0)
            {
                w.Line("ulong explicitNulls = 0;");
            }

            using (w.Block($"while ({TypeNames.JsonRead}.NextProperty(ref reader))"))
            {
                if (type.Properties.Length > 0)
                {
                    using (w.Block($"switch ({TypeNames.JsonRead}.PropertyNameHash(ref reader))"))
                    {
                        foreach (var property in type.Properties)
                        {
                            w.Line($"case 0x{PropertyNameHash(property.JsonName):X8}u when reader.ValueTextEquals({SourceWriter.Utf8Literal(property.JsonName)}):");
                            w.Indent();
                            w.Line("reader.Read();");
                            var bit = tracked.IndexOf(property);
                            if (bit >= 0)
                            {
                                using (w.Block($"if (reader.TokenType == {TypeNames.TokenType}.Null)"))
                                {
                                    w.Line($"explicitNulls |= 1UL << {bit};");
                                    w.Line("continue;");
                                }
                            }

                            var nonNull = !TypeNames.IsNullable(property);
                            var missing = nonNull ? $"{TypeNames.JsonRead}.Missing(ref reader, {SourceWriter.Literal(type.Name)}, {SourceWriter.Literal(property.JsonName)})" : null;
                            ReadValue(w, ns, property.Type, "value." + TypeNames.Field(property), missing, depth: 0);
                            var index = required.IndexOf(property);
                            if (index >= 0)
                            {
                                w.Line($"required{index / 64} |= {Mask(index % 64)};");
                            }

                            w.Line("continue;");
                            w.Unindent();
                        }
                    }

                    w.Line();
                }

                w.Line($"{TypeNames.JsonRead}.SkipValue(ref reader);");
            }

            for (var word = 0; word < Words(required.Count); word++)
            {
                using (w.Block($"if (required{word} != {WordMask(required.Count, word)})"))
                {
                    w.Line($"throw MissingRequired(ref reader, {RequiredArguments(required.Count)});");
                }
            }

            if (tracked.Count > 0)
            {
                w.Line($"value.{TypeNames.ExplicitNullsField} = explicitNulls;");
            }

            w.Line("return value;");
        }

        if (required.Count > 0)
        {
            w.Line();
            w.Line("// Cold: compiled only when a document lacks a required property.");
            var parameters = new StringBuilder();
            for (var word = 0; word < Words(required.Count); word++)
            {
                parameters.Append($", ulong required{word}");
            }

            using (w.Block($"private static global::System.Text.Json.JsonException MissingRequired(ref {TypeNames.Reader} reader{parameters})"))
            {
                for (var i = 0; i < required.Count; i++)
                {
                    using (w.Block($"if ((required{i / 64} & {Mask(i % 64)}) == 0)"))
                    {
                        w.Line($"return {TypeNames.JsonRead}.Missing(ref reader, {SourceWriter.Literal(type.Name)}, {SourceWriter.Literal(required[i].JsonName)});");
                    }
                }

                w.Line($"return {TypeNames.JsonRead}.Error(ref reader, \"a required property is missing\");");
            }
        }
    }

    private static List<PropertyModel> RequiredNonNull(TypeModel type)
    {
        var required = new List<PropertyModel>();
        foreach (var property in type.Properties)
        {
            if (!TypeNames.IsNullable(property))
            {
                required.Add(property);
            }
        }

        return required;
    }

    private static int Words(int count) => (count + 63) / 64;

    private static string Mask(int bit) => "0x" + (1UL << bit).ToString("X", CultureInfo.InvariantCulture) + "UL";

    private static string WordMask(int count, int word)
    {
        var bits = System.Math.Min(64, count - (word * 64));
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        return "0x" + mask.ToString("X", CultureInfo.InvariantCulture) + "UL";
    }

    private static string RequiredArguments(int count)
    {
        var arguments = new StringBuilder();
        for (var word = 0; word < Words(count); word++)
        {
            arguments.Append(word == 0 ? string.Empty : ", ").Append("required").Append(word);
        }

        return arguments.ToString();
    }

    // Reads the current value into `target`. `missing` (an exception expression) is thrown for null when the
    // target cannot hold it.
    private static void ReadValue(SourceWriter w, string ns, TypeRef type, string target, string? missing, int depth)
    {
        if (type.Kind != TypeRefKind.Array)
        {
            w.Line($"{target} = {ReadExpression(ns, type, missing)};");
            return;
        }

        var items = "items" + depth.ToString(CultureInfo.InvariantCulture);
        var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
        var element = TypeNames.Of(type.Element!, ns, type.ElementNullable);
        using (w.Block($"if ({TypeNames.JsonRead}.StartArray(ref reader))"))
        {
            w.Line($"var {items} = new global::ActionsGen.Runtime.Serialization.ArrayBuilder<{element}>();");
            using (w.Block($"while ({TypeNames.JsonRead}.NextItem(ref reader))"))
            {
                var itemMissing = type.ElementNullable ? null : $"{TypeNames.JsonRead}.Mismatch(ref reader, \"a non-null array item\")";
                if (type.Element!.Kind == TypeRefKind.Array)
                {
                    w.Line($"{element} {item};");
                    ReadValue(w, ns, type.Element!, item, itemMissing, depth + 1);
                    w.Line($"{items}.Add({item});");
                }
                else
                {
                    w.Line($"{items}.Add({ReadExpression(ns, type.Element!, itemMissing)});");
                }
            }

            w.Line($"{target} = {items}.ToArray();");
        }

        using (w.Block("else"))
        {
            w.Line(missing is null ? $"{target} = null;" : $"throw {missing};");
        }
    }

    // An expression for the current value: of the nullable type when `missing` is null, else non-null or throws it.
    private static string ReadExpression(string ns, TypeRef type, string? missing)
    {
        var orThrow = missing is null ? string.Empty : " ?? throw " + missing;
        switch (type.Kind)
        {
            case TypeRefKind.String:
                return $"{TypeNames.JsonRead}.String(ref reader, context){orThrow}";
            case TypeRefKind.Int32:
                return $"{TypeNames.JsonRead}.Int32(ref reader){orThrow}";
            case TypeRefKind.Int64:
                return $"{TypeNames.JsonRead}.Int64(ref reader){orThrow}";
            case TypeRefKind.Number:
                return $"{TypeNames.JsonRead}.Double(ref reader){orThrow}";
            case TypeRefKind.Boolean:
                return $"{TypeNames.JsonRead}.Boolean(ref reader){orThrow}";
            case TypeRefKind.DateTime:
                return $"{TypeNames.JsonRead}.DateTimeOffset(ref reader){orThrow}";
            case TypeRefKind.Any:
                return $"{TypeNames.JsonRead}.Any(ref reader)";
            default:
                var read = $"{TypeNames.Qualified(ns, type.Name!)}.ReadCore(ref reader, context)";

                // A named type's reader rejects null itself, naming what it expected.
                return missing is not null ? read : $"reader.TokenType == {TypeNames.TokenType}.Null ? null : ({TypeNames.Of(type, ns, nullable: true)}){read}";
        }
    }

    private static void ObjectWrite(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        var tracked = TypeNames.NullTracked(type);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (w.Block($"internal static void WriteCore({TypeNames.Writer} writer, {self} value)"))
        {
            w.Line("writer.WriteStartObject();");
            foreach (var property in type.Properties)
            {
                var name = SourceWriter.Utf8Literal(property.JsonName);
                var field = "value." + TypeNames.Field(property);
                if (!TypeNames.IsNullable(property))
                {
                    WriteProperty(w, ns, property.Type, name, field, 0);
                    continue;
                }

                // Required properties are always written (null when null); optional ones when set, or when they were read as null.
                var bit = tracked.IndexOf(property);
                var writeNull = property.Required ? "true" : bit >= 0 ? $"(value.{TypeNames.ExplicitNullsField} & {Mask(bit)}) != 0" : "false";
                if (ScalarWriter(property.Type) is { } scalar)
                {
                    // One call per nullable scalar keeps the emitted code (and the user's compile) small.
                    w.Line($"{TypeNames.JsonWrite}.{scalar}(writer, {name}, {field}, {writeNull});");
                    continue;
                }

                var local = "p" + TypeNames.Field(property);
                using (w.Block($"if ({field} is {{ }} {local})"))
                {
                    WriteProperty(w, ns, property.Type, name, local, 0);
                }

                if (property.Required || bit >= 0)
                {
                    using (w.Block(property.Required ? "else" : $"else if ((value.{TypeNames.ExplicitNullsField} & {Mask(bit)}) != 0)"))
                    {
                        w.Line($"writer.WriteNull({name});");
                    }
                }
            }

            w.Line("writer.WriteEndObject();");
        }
    }

    private static string? ScalarWriter(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => "Number",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.DateTime => "DateTimeOffset",
        _ => null,
    };

    private static void WriteProperty(SourceWriter w, string ns, TypeRef type, string name, string value, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
                w.Line($"writer.WriteString({name}, {value});");
                break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number:
                w.Line($"writer.WriteNumber({name}, {value});");
                break;
            case TypeRefKind.Boolean:
                w.Line($"writer.WriteBoolean({name}, {value});");
                break;
            default:
                w.Line($"writer.WritePropertyName({name});");
                WriteValue(w, ns, type, value, depth);
                break;
        }
    }

    private static void WriteValue(SourceWriter w, string ns, TypeRef type, string value, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
                w.Line($"writer.WriteStringValue({value});");
                break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number:
                w.Line($"writer.WriteNumberValue({value});");
                break;
            case TypeRefKind.Boolean:
                w.Line($"writer.WriteBooleanValue({value});");
                break;
            case TypeRefKind.DateTime:
                w.Line($"{TypeNames.JsonWrite}.DateTimeOffset(writer, {value});");
                break;
            case TypeRefKind.Any:
                w.Line($"{value}.WriteTo(writer);");
                break;
            case TypeRefKind.Named:
                w.Line($"{TypeNames.Qualified(ns, type.Name!)}.WriteCore(writer, {value});");
                break;
            default:
                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                w.Line("writer.WriteStartArray();");
                using (w.Block($"foreach (var {item} in {value})"))
                {
                    if (type.ElementNullable)
                    {
                        var present = "present" + depth.ToString(CultureInfo.InvariantCulture);
                        using (w.Block($"if ({item} is {{ }} {present})"))
                        {
                            WriteValue(w, ns, type.Element!, present, depth + 1);
                        }

                        using (w.Block("else"))
                        {
                            w.Line("writer.WriteNullValue();");
                        }
                    }
                    else
                    {
                        WriteValue(w, ns, type.Element!, item, depth + 1);
                    }
                }

                w.Line("writer.WriteEndArray();");
                break;
        }
    }

    private static void EnumRead(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (w.Block($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            using (w.Block($"if (reader.TokenType != {TypeNames.TokenType}.String)"))
            {
                w.Line($"throw {TypeNames.JsonRead}.Mismatch(ref reader, \"a string\");");
            }

            // Known values come back as their literal: no string is allocated for them. An escaped value is read as a
            // string first (ValueTextEquals would unescape it and throw on a malformed escape).
            using (w.Block($"if (!reader.ValueIsEscaped)"))
            {
                foreach (var member in type.Members)
                {
                    using (w.Block($"if (reader.ValueTextEquals({SourceWriter.Utf8Literal(member.Value)}))"))
                    {
                        w.Line($"return new {self}({SourceWriter.Literal(member.Value)});");
                    }
                }
            }

            w.Line($"return new {self}({TypeNames.JsonRead}.String(ref reader, context)!);");
        }
    }

    private static void UnionRead(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.OpenBrace($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => reader.TokenType switch");
        w.Line($"{TypeNames.TokenType}.Number => new {self}({TypeNames.JsonRead}.Int64(ref reader)!.Value),");
        w.Line($"{TypeNames.TokenType}.String => new {self}({TypeNames.JsonRead}.String(ref reader, context)!),");
        w.Line($"_ => throw {TypeNames.JsonRead}.Mismatch(ref reader, \"an integer or a string\"),");
        w.CloseBrace(";");
    }

    private static void UnionWrite(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (w.Block($"internal static void WriteCore({TypeNames.Writer} writer, {self} value)"))
        {
            using (w.Block("if (value.String is { } text)"))
            {
                w.Line("writer.WriteStringValue(text);");
            }

            using (w.Block("else"))
            {
                w.Line("writer.WriteNumberValue(value.Integer.GetValueOrDefault());");
            }
        }
    }

    /// <summary>FNV-1a over the UTF-8 bytes: must match <c>JsonRead.PropertyNameHash</c> in the runtime.</summary>
    /// <summary>The runtime's <c>JsonRead.NameHash</c>, computed at compile time: the two must stay the same function.</summary>
    internal static uint PropertyNameHash(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var length = bytes.Length;
        ulong first, last;
        if (length >= 8)
        {
            first = LittleEndian(bytes, 0, 8);
            last = LittleEndian(bytes, length - 8, 8);
        }
        else if (length >= 4)
        {
            first = LittleEndian(bytes, 0, 4);
            last = LittleEndian(bytes, length - 4, 4);
        }
        else
        {
            first = length == 0 ? 0 : bytes[0] | ((ulong)bytes[length >> 1] << 8) | ((ulong)bytes[length - 1] << 16);
            last = 0;
        }

        var hash = unchecked((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)length * 0x165667B19E3779F9UL));
        if (length > 16)
        {
            hash ^= unchecked(LittleEndian(bytes, (length / 2) - 4, 8) * 0x94D049BB133111EBUL);
        }

        hash ^= hash >> 29;
        return (uint)(hash ^ (hash >> 32));
    }

    private static ulong LittleEndian(byte[] bytes, int offset, int count)
    {
        ulong value = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[offset + i];
        }

        return value;
    }
}
