using System.Linq;
using System.Text;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a model class with its JSON code: sealed, init-only properties with docs from the spec, <c>required</c> where
/// the spec requires a non-null value. The JSON code is data plus one line per property in each direction: a
/// <c>JsonPropertyTable</c> of the names, a reading constructor with one <c>case</c> per property, and (for a type a
/// request body can hold, or with <c>Writers="all"</c>) a writer with one call per property; the runtime does the
/// rest. Properties have explicit backing fields that the reader fills directly: no setter calls, so the first read in
/// a process has fewer methods to compile.
/// </summary>
internal static class ModelEmitter
{
    // What a reader of the generated type needs to know about its required members and GitHub's drift.
    private const string DriftRemark = "A required member that a response lacks, sends as null or as another type reads as its type's default (null, 0) and is reported as drift; ActionsClientOptions.StrictResponses refuses the response instead.";

    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = type.Name;
        var order = JsonCode.TableOrder(type);
        var tracksNulls = type.Properties.Any(p => !p.Required);
        w.DocComment(type.Description, type.Properties.Any(p => !p.AdmitsNull) ? DriftRemark : null);
        w.Line(JsonCode.ConverterAttribute(type.Name));
        using (w.Block($"public sealed partial class {type.Name} : {TypeNames.JsonModel}<{self}>"))
        {
            w.Line($"private static readonly {JsonCode.PropertyTable} {MemberNames.JsonTable} = new({Table(type, order)});");
            foreach (var property in type.Properties)
            {
                var nullable = property.AdmitsNull;
                var initial = nullable || property.Type.IsValueType || property.Type.Kind == TypeRefKind.String ? string.Empty : " = default!";
                w.Line($"private {JsonCode.FieldType(property.Type, nullable)} {property.Field}{initial};");
            }

            if (tracksNulls)
            {
                w.Line($"private {JsonCode.Bits} {MemberNames.NullsField};");
            }

            w.Line();
            w.DocComment($"Creates an empty {type.Name}.");
            w.Line($"public {type.Name}() {{ }}");

            w.Line();
            foreach (var property in type.Properties)
            {
                w.DocComment(property.Description);
                var nullable = property.AdmitsNull;
                var required = nullable ? string.Empty : "required ";
                w.Line($"public {required}{TypeNames.Of(property.Type, nullable)} {property.Name} {{ get => {JsonCode.FieldValue(property.Type, nullable, property.Field)}; init => {property.Field} = value; }}");
            }

            w.Line();
            Reader(w, type, order, tracksNulls);
            w.Line();
            w.Line($"static {self} {TypeNames.JsonModel}<{self}>.ReadJson(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context) => new(ref reader, context);");
            if (type.Writes)
            {
                Writer(w, type, order, tracksNulls);
            }
        }

        w.FileFooter();
        return w.ToString();
    }

    // The writer: one call per property, by table index. Only for types a request body can hold (or Writers="all").
    private static void Writer(SourceWriter w, TypeModel type, System.Collections.Generic.List<PropertyModel> order, bool tracksNulls)
    {
        var self = type.Name;
        w.Line();
        using (w.Block($"static void {TypeNames.JsonModel}<{self}>.WriteJson({TypeNames.Writer} writer, {self} value)"))
        {
            w.Line($"var w = new {JsonCode.ObjectWriter}(writer, {MemberNames.JsonTable}, {(tracksNulls ? "value." + MemberNames.NullsField : "default")});");
            foreach (var property in type.Properties)
            {
                w.Line(JsonCode.Write(property.Type, order.IndexOf(property), "value." + property.Field));
            }

            w.Line("w.End();");
        }
    }

    // The reading constructor: one case per property, by table index; the runtime skips unknown properties, keeps
    // explicit nulls and checks the required ones.
    private static void Reader(SourceWriter w, TypeModel type, System.Collections.Generic.List<PropertyModel> order, bool tracksNulls)
    {
        w.Line("#pragma warning disable CS8618 // the reader sets every required member or throws");
        w.Line($"[{Aliases.System}Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        using (w.Block($"private {type.Name}(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            w.Line($"var r = new {JsonCode.ObjectReader}(ref reader, context, {MemberNames.JsonTable});");
            if (order.Count == 0)
            {
                using (w.Block("while (r.Next(ref reader) >= 0)"))
                {
                }
            }
            else
            {
                // One loop over the properties read, the switch its body. Each case goes straight on to the property
                // the description lists next, the order responses send them in: the switch's jump, one indirect
                // branch whose target changes with every property (mispredicted nearly every time), is taken only
                // where a response leaves that order (docs/benchmarks.md, "Successor jumps").
                // Every case sets i from r.Next, which returns a table index (each has its case) or -1: the loop ends.
                var next = Successors(type, order);
                using (w.Block("for (var i = r.Next(ref reader); i >= 0;) switch (i)"))
                {
                    for (var i = 0; i < order.Count; i++)
                    {
                        var then = next[i] >= 0 ? $"if ((i = r.Next(ref reader)) == {next[i]}) goto case {next[i]}; break;" : "i = r.Next(ref reader); break;";
                        w.Line($"case {i}: {order[i].Field} = {JsonCode.Read(order[i].Type, order[i].AdmitsNull)}; {then}");
                    }
                }
            }

            w.Line(tracksNulls ? $"{MemberNames.NullsField} = r.End(ref reader);" : "r.End(ref reader);");
        }

        w.Line("#pragma warning restore CS8618");
    }

    // By table index: the table index of the property declared after it, or -1 for the last one.
    private static int[] Successors(TypeModel type, System.Collections.Generic.List<PropertyModel> order)
    {
        var tableIndex = new System.Collections.Generic.Dictionary<PropertyModel, int>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            tableIndex[order[i]] = i;
        }

        var next = new int[order.Count];
        for (var i = 0; i < type.Properties.Length; i++)
        {
            next[tableIndex[type.Properties[i]]] = i + 1 < type.Properties.Length ? tableIndex[type.Properties[i + 1]] : -1;
        }

        return next;
    }

    // new JsonPropertyTable("Name", nonNullCount, requiredCount, "a", "b", …)
    private static string Table(TypeModel type, System.Collections.Generic.List<PropertyModel> order)
    {
        var nonNull = order.Count(p => !p.AdmitsNull);
        var required = order.Count(p => p.Required);
        var text = new StringBuilder();
        text.Append(SourceWriter.Literal(type.Name)).Append(", ").Append(nonNull).Append(", ").Append(required);
        foreach (var property in order)
        {
            text.Append(", ").Append(SourceWriter.Literal(property.JsonName));
        }

        return text.ToString();
    }
}
