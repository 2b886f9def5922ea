using System.Globalization;
using System.Text;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a type's JSON converter: one straight-line read method over <c>Utf8JsonReader</c> (a switch on a hash of the
/// property name, confirmed against the UTF-8 name) and one write method over <c>Utf8JsonWriter</c>. No reflection.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = TypeNames.Qualified(ns, type.Name);
        var converterName = type.Name + "JsonConverter";
        w.DocComment($"Reads and writes {type.Name} as JSON with generated code: no reflection, safe for trimming and Native AOT.");
        using (w.Block($"public sealed class {converterName} : global::System.Text.Json.Serialization.JsonConverter<{self}>"))
        {
            var nullableResult = type.Kind == TypeModelKind.Object ? "?" : string.Empty;
            w.Line($"public override {self}{nullableResult} Read(ref {TypeNames.Reader} reader, global::System.Type typeToConvert, {TypeNames.Options} options) => ReadCore(ref reader, null);");
            w.Line();
            w.Line($"public override void Write({TypeNames.Writer} writer, {self} value, {TypeNames.Options} options) => WriteCore(writer, value);");
            w.Line();
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
                    w.Line($"internal static void WriteCore({TypeNames.Writer} writer, {self} value) => writer.WriteStringValue(value.Value);");
                    break;
                default:
                    UnionRead(w, ns, type);
                    w.Line();
                    UnionWrite(w, ns, type);
                    break;
            }
        }

        w.FileFooter();
        return w.ToString();
    }

    private static void ObjectRead(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        using (w.Block($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            w.Line($"{TypeNames.JsonRead}.StartObject(ref reader, {SourceWriter.Literal(type.Name)});");
            foreach (var property in type.Properties)
            {
                w.Line($"{TypeNames.Of(property.Type, ns, nullable: true)} {Local(property)} = default;");
            }

            var tracked = TypeNames.NullTracked(type);
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
                            w.Line($"case 0x{Fnv1a(property.JsonName):X8}u when reader.ValueTextEquals({SourceWriter.Utf8Literal(property.JsonName)}):");
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

                            ReadValue(w, ns, property.Type, Local(property), depth: 0);
                            w.Line("continue;");
                            w.Unindent();
                        }
                    }

                    w.Line();
                }

                w.Line($"{TypeNames.JsonRead}.SkipValue(ref reader);");
            }

            w.Line();
            w.Line($"return new {self}");
            w.Line("{");
            w.Indent();
            foreach (var property in type.Properties)
            {
                var value = TypeNames.IsNullable(property)
                    ? Local(property)
                    : $"{Local(property)} ?? throw {TypeNames.JsonRead}.Missing(ref reader, {SourceWriter.Literal(type.Name)}, {SourceWriter.Literal(property.JsonName)})";
                w.Line($"{property.Name} = {value},");
            }

            if (tracked.Count > 0)
            {
                w.Line($"{TypeNames.ExplicitNulls} = explicitNulls,");
            }

            w.Unindent();
            w.Line("};");
        }
    }

    // Reads the current value into `target` (a local of the nullable form of `type`).
    private static void ReadValue(SourceWriter w, string ns, TypeRef type, string target, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array:
                var items = "items" + depth.ToString(CultureInfo.InvariantCulture);
                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                var element = TypeNames.Of(type.Element!, ns, type.ElementNullable);
                using (w.Block($"if ({TypeNames.JsonRead}.StartArray(ref reader))"))
                {
                    w.Line($"var {items} = new global::ActionsGen.Runtime.Serialization.ArrayBuilder<{element}>();");
                    using (w.Block($"while ({TypeNames.JsonRead}.NextItem(ref reader))"))
                    {
                        w.Line($"{TypeNames.Of(type.Element!, ns, nullable: true)} {item} = default;");
                        ReadValue(w, ns, type.Element!, item, depth + 1);
                        var add = type.ElementNullable
                            ? item
                            : $"{item} ?? throw {TypeNames.JsonRead}.Mismatch(ref reader, \"a non-null array item\")";
                        w.Line($"{items}.Add({add});");
                    }

                    w.Line($"{target} = {items}.ToArray();");
                }

                w.Line("else");
                w.Line("{");
                w.Line($"    {target} = null;");
                w.Line("}");
                break;
            default:
                w.Line($"{target} = {ReadExpression(ns, type)};");
                break;
        }
    }

    private static string ReadExpression(string ns, TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => $"{TypeNames.JsonRead}.String(ref reader, context)",
        TypeRefKind.Int32 => $"{TypeNames.JsonRead}.Int32(ref reader)",
        TypeRefKind.Int64 => $"{TypeNames.JsonRead}.Int64(ref reader)",
        TypeRefKind.Number => $"{TypeNames.JsonRead}.Double(ref reader)",
        TypeRefKind.Boolean => $"{TypeNames.JsonRead}.Boolean(ref reader)",
        TypeRefKind.DateTime => $"{TypeNames.JsonRead}.DateTimeOffset(ref reader)",
        TypeRefKind.Any => $"{TypeNames.JsonRead}.Any(ref reader)",
        _ => $"reader.TokenType == {TypeNames.TokenType}.Null ? null : ({TypeNames.Of(type, ns, nullable: true)}){TypeNames.Converter(ns, type.Name!)}.ReadCore(ref reader, context)",
    };

    private static void ObjectWrite(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        var tracked = TypeNames.NullTracked(type);
        using (w.Block($"internal static void WriteCore({TypeNames.Writer} writer, {self} value)"))
        {
            w.Line("writer.WriteStartObject();");
            foreach (var property in type.Properties)
            {
                var name = SourceWriter.Utf8Literal(property.JsonName);
                if (!TypeNames.IsNullable(property))
                {
                    WriteProperty(w, ns, property.Type, name, "value." + property.Name, 0);
                    continue;
                }

                // Required properties are always written (null when null); optional ones only when set.
                using (w.Block($"if (value.{property.Name} is {{ }} {Local(property)})"))
                {
                    WriteProperty(w, ns, property.Type, name, Local(property), 0);
                }

                var bit = tracked.IndexOf(property);
                if (property.Required || bit >= 0)
                {
                    using (w.Block(property.Required ? "else" : $"else if ((value.{TypeNames.ExplicitNulls} & (1UL << {bit})) != 0)"))
                    {
                        w.Line($"writer.WriteNull({name});");
                    }
                }
            }

            w.Line("writer.WriteEndObject();");
        }
    }

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
                w.Line($"{TypeNames.Converter(ns, type.Name!)}.WriteCore(writer, {value});");
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
        using (w.Block($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            using (w.Block($"if (reader.TokenType != {TypeNames.TokenType}.String)"))
            {
                w.Line($"throw {TypeNames.JsonRead}.Mismatch(ref reader, \"a string\");");
            }

            foreach (var member in type.Members)
            {
                using (w.Block($"if (reader.ValueTextEquals({SourceWriter.Utf8Literal(member.Value)}))"))
                {
                    w.Line($"return {self}.{member.Name};");
                }
            }

            w.Line($"return new {self}({TypeNames.JsonRead}.String(ref reader, context)!);");
        }
    }

    private static void UnionRead(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
        w.OpenBrace($"internal static {self} ReadCore(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => reader.TokenType switch");
        w.Line($"{TypeNames.TokenType}.Number => new {self}({TypeNames.JsonRead}.Int64(ref reader)!.Value),");
        w.Line($"{TypeNames.TokenType}.String => new {self}({TypeNames.JsonRead}.String(ref reader, context)!),");
        w.Line($"_ => throw {TypeNames.JsonRead}.Mismatch(ref reader, \"an integer or a string\"),");
        w.CloseBrace(";");
    }

    private static void UnionWrite(SourceWriter w, string ns, TypeModel type)
    {
        var self = TypeNames.Qualified(ns, type.Name);
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

    private static string Local(PropertyModel property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    /// <summary>FNV-1a over the UTF-8 bytes: must match <c>JsonRead.PropertyNameHash</c> in the runtime.</summary>
    internal static uint Fnv1a(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
