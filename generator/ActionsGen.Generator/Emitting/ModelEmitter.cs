using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a model class: sealed, init-only properties with docs from the spec, <c>required</c> where the spec requires
/// a non-null value. Properties have explicit backing fields so the generated reader can fill them directly: no
/// setter calls, which keeps the first deserialization in a process cheap to JIT.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = TypeNames.Qualified(ns, type.Name);
        w.DocComment(type.Description);
        w.Line($"[{TypeNames.ConverterAttribute}(typeof({TypeNames.Converter(ns, type.Name)}))]");
        using (w.Block($"public sealed partial class {type.Name} : {TypeNames.JsonModel}<{self}>"))
        {
            foreach (var property in type.Properties)
            {
                var nullable = TypeNames.IsNullable(property);
                w.Line($"private {TypeNames.Of(property.Type, ns, nullable)} {TypeNames.Field(property)}{(nullable || property.Type.IsValueType ? string.Empty : " = default!")};");
            }

            if (TypeNames.NullTracked(type).Count > 0)
            {
                w.Line($"private ulong {TypeNames.ExplicitNullsField};");
            }

            w.Line();
            w.DocComment($"Creates an empty {type.Name}.");
            w.Line($"public {type.Name}()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("// For the generated reader, which sets every required member or throws.");
            w.Line("#pragma warning disable CS8618");
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            w.Line($"private {type.Name}({TypeNames.ReadContext}? context)");
            w.Line("{");
            w.Line("}");
            w.Line("#pragma warning restore CS8618");
            foreach (var property in type.Properties)
            {
                w.Line();
                w.DocComment(property.Description);
                var nullable = TypeNames.IsNullable(property);
                var required = nullable ? string.Empty : "required ";
                var field = TypeNames.Field(property);
                w.Line($"public {required}{TypeNames.Of(property.Type, ns, nullable)} {property.Name} {{ get => {field}; init => {field} = value; }}");
            }

            w.Line();
            JsonModelMembers(w, ns, type.Name);
        }

        w.FileFooter();
        return w.ToString();
    }

    /// <summary>The explicit <c>IJsonModel&lt;T&gt;</c> implementation every generated type has, forwarding to its generated reader and writer.</summary>
    public static void JsonModelMembers(SourceWriter w, string ns, string name)
    {
        var self = TypeNames.Qualified(ns, name);
        w.Line($"static {self} {TypeNames.JsonModel}<{self}>.ReadJson(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => ReadCore(ref reader, context);");
        w.Line();
        w.Line($"static void {TypeNames.JsonModel}<{self}>.WriteJson({TypeNames.Writer} writer, {self} value) => WriteCore(writer, value);");
    }
}
