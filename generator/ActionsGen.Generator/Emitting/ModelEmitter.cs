using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>Emits a model class: sealed, init-only properties, docs from the spec, <c>required</c> where the spec requires a non-null value.</summary>
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
                w.DocComment(property.Description);
                var nullable = TypeNames.IsNullable(property);
                var required = nullable ? string.Empty : "required ";
                w.Line($"public {required}{TypeNames.Of(property.Type, ns, nullable)} {property.Name} {{ get; init; }}");
                w.Line();
            }

            if (TypeNames.NullTracked(type).Count > 0)
            {
                w.Line("/// <summary>Optional properties read as an explicit JSON null, so writing gives back what was read.</summary>");
                w.Line($"internal ulong {TypeNames.ExplicitNulls} {{ get; init; }}");
                w.Line();
            }

            JsonModelMembers(w, ns, type.Name);
        }

        w.FileFooter();
        return w.ToString();
    }

    /// <summary>The explicit <c>IJsonModel&lt;T&gt;</c> implementation every generated type has, forwarding to its converter.</summary>
    public static void JsonModelMembers(SourceWriter w, string ns, string name)
    {
        var self = TypeNames.Qualified(ns, name);
        var converter = TypeNames.Converter(ns, name);
        w.Line($"static {self} {TypeNames.JsonModel}<{self}>.ReadJson(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => {converter}.ReadCore(ref reader, context);");
        w.Line();
        w.Line($"static void {TypeNames.JsonModel}<{self}>.WriteJson({TypeNames.Writer} writer, {self} value) => {converter}.WriteCore(writer, value);");
    }
}
