using System.Linq;
using System.Text;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a <c>oneOf</c>/<c>anyOf</c> as a readonly struct in the shape of OneOf: one case per branch, an implicit
/// conversion from each case type, <c>Is…</c>/<c>TryGet…</c> accessors and an exhaustive <c>Match</c>. Which case a JSON
/// value is, is data (a <c>JsonUnionTable</c>); a value no case fits is kept as raw JSON (<c>Unknown</c>).
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(string ns, TypeModel type)
    {
        var w = new SourceWriter();
        w.FileHeader(ns);
        var self = type.Name;
        var caseNames = string.Join(", ", type.Cases.Select(c => c.Name));
        var cases = "One of: " + caseNames + ". Each converts implicitly; a value that fits none is kept as raw JSON (Unknown).";
        w.DocComment(type.Description ?? cases, type.Description is null ? null : cases);
        w.Line(JsonCode.ConverterAttribute(type.Name));
        using (w.Block($"public readonly partial struct {type.Name} : {TypeNames.Equatable}<{self}>, {TypeNames.JsonModel}<{self}>"))
        {
            w.Line($"private static readonly {JsonCode.UnionTable} {MemberNames.JsonTable} = new({Table(type)});");
            w.Line($"private readonly int {MemberNames.UnionCaseField};");
            w.Line($"private readonly object? {MemberNames.UnionValueField};");
            w.Line();
            w.Line($"private {type.Name}(int @case, object? value) => ({MemberNames.UnionCaseField}, {MemberNames.UnionValueField}) = (@case, value);");
            for (var i = 0; i < type.Cases.Length; i++)
            {
                Case(w, self, type.Cases[i], i + 1);
            }

            w.Line();
            w.DocComment("Whether the value fits none of the cases (or is the default): it is kept as raw JSON in Unknown.");
            w.Line($"public bool {MemberNames.UnionIsUnknown} => {MemberNames.UnionCaseField} == 0;");
            w.DocComment("The raw JSON of a value that fits none of the cases.");
            w.Line($"public {TypeNames.Element}? {MemberNames.UnionUnknown} => {MemberNames.UnionValueField} as {TypeNames.Element}?;");
            w.Line();
            Match(w, type);
            w.Line();
            w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
            w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
            w.Line($"public bool Equals({self} other) => {MemberNames.UnionCaseField} == other.{MemberNames.UnionCaseField} && Equals({MemberNames.UnionValueField}, other.{MemberNames.UnionValueField});");
            w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
            w.Line($"public override int GetHashCode() => {MemberNames.UnionValueField}?.GetHashCode() ?? 0;");
            w.Line($"public override string ToString() => {MemberNames.UnionValueField}?.ToString() ?? string.Empty;");
            w.Line();
            Read(w, type, self);
            Write(w, type, self);
        }

        w.FileFooter();
        return w.ToString();
    }

    private static void Case(SourceWriter w, string self, UnionCaseModel @case, int number)
    {
        var caseType = TypeNames.Of(@case.Type, nullable: false);
        w.Line();
        w.DocComment($"Whether this is the {@case.Name} case.");
        w.Line($"public bool {MemberNames.UnionIs(@case.Name)} => {MemberNames.UnionCaseField} == {number};");
        w.DocComment($"The {@case.Name} case, if this is it.");
        var notNull = @case.Type.IsValueType ? string.Empty : $"[{Aliases.System}Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
        var outType = @case.Type.IsValueType ? caseType : caseType + "?";
        w.Line($"public bool {MemberNames.UnionTryGet(@case.Name)}({notNull}out {outType} value) {{ value = {MemberNames.UnionCaseField} == {number} ? ({caseType}){MemberNames.UnionValueField}! : default; return {MemberNames.UnionCaseField} == {number}; }}");

        // C# has no conversions from interfaces: a list or map case is made with the factory only.
        var factory = @case.Type.Kind is TypeRefKind.Array or TypeRefKind.Map ? $"public static {self} {MemberNames.UnionFrom(@case.Name)}" : $"public static implicit operator {self}";
        w.Line($"{factory}({caseType} value) => new({number}, value{(@case.Type.IsValueType ? string.Empty : " ?? throw new " + TypeNames.ArgumentNull + "(nameof(value))")});");
    }

    private static void Match(SourceWriter w, TypeModel type)
    {
        var parameters = new StringBuilder();
        foreach (var @case in type.Cases)
        {
            parameters.Append($"{Aliases.System}Func<{TypeNames.Of(@case.Type, nullable: false)}, {MemberNames.UnionMatchResult}> {@case.Parameter}, ");
        }

        w.DocComment("Calls the function for the case this is, or unknown for raw JSON.");
        w.OpenBrace($"public {MemberNames.UnionMatchResult} {MemberNames.UnionMatch}<{MemberNames.UnionMatchResult}>({parameters}{Aliases.System}Func<{TypeNames.Element}, {MemberNames.UnionMatchResult}> unknown) => {MemberNames.UnionCaseField} switch");
        for (var i = 0; i < type.Cases.Length; i++)
        {
            w.Line($"{i + 1} => {type.Cases[i].Parameter}(({TypeNames.Of(type.Cases[i].Type, nullable: false)}){MemberNames.UnionValueField}!),");
        }

        w.Line($"_ => unknown({MemberNames.UnionValueField} as {TypeNames.Element}? ?? default),");
        w.CloseBrace(";");
    }

    // Reads the case the table picks; a value that then does not read as that case is kept as raw JSON.
    private static void Read(SourceWriter w, TypeModel type, string self)
    {
        using (w.Block($"static {self} {TypeNames.JsonModel}<{self}>.ReadJson(ref {TypeNames.Reader} reader, {TypeNames.ReadContext}? context)"))
        {
            // A union whose every branch was left out (each was the union itself, ACTG017) has no case to pick.
            if (type.Cases.Length > 0)
            {
                w.Line("var start = reader;");
                using (w.Block("try"))
                {
                    using (w.Block($"switch ({MemberNames.JsonTable}.Pick(ref reader))"))
                    {
                        for (var i = 0; i < type.Cases.Length; i++)
                        {
                            w.Line($"case {i + 1}: return new({i + 1}, {JsonCode.Codec(type.Cases[i].Type)}.Read(ref reader, context));");
                        }
                    }
                }

                using (w.Block($"catch ({Aliases.Json}JsonException)"))
                {
                    w.Line("reader = start;");
                }
            }

            w.Line($"return new(0, {TypeNames.JsonRead}.Any(ref reader));");
        }

        w.Line($"static bool {TypeNames.JsonModel}<{self}>.IsObject => false;");
    }

    private static void Write(SourceWriter w, TypeModel type, string self)
    {
        if (!type.Writes)
        {
            return;
        }

        w.Line();
        using (w.Block($"static void {TypeNames.JsonModel}<{self}>.WriteJson({TypeNames.Writer} writer, {self} value)"))
        {
            if (type.Cases.Length > 0)
            {
                using (w.Block($"switch (value.{MemberNames.UnionCaseField})"))
                {
                    for (var i = 0; i < type.Cases.Length; i++)
                    {
                        var caseType = TypeNames.Of(type.Cases[i].Type, nullable: false);
                        w.Line($"case {i + 1}: {JsonCode.Codec(type.Cases[i].Type)}.Write(writer, ({caseType})value.{MemberNames.UnionValueField}!); return;");
                    }
                }
            }

            w.Line($"{JsonCode.JsonWrite}.Any(writer, value.{MemberNames.UnionValueField} as {TypeNames.Element}? ?? default);");
        }
    }

    // new JsonUnionTable("discriminator" or null, JsonUnionCase.Object("a", "b").When("tag"), JsonUnionCase.Of(JsonUnionKind.String), …)
    private static string Table(TypeModel type)
    {
        var text = new StringBuilder(type.Discriminator is null ? "null" : SourceWriter.Literal(type.Discriminator));
        foreach (var @case in type.Cases)
        {
            text.Append(", ");
            if (@case.Kind == UnionCaseKind.Object)
            {
                text.Append(JsonCode.UnionCase).Append(".Object(").Append(string.Join(", ", @case.Required.Select(SourceWriter.Literal))).Append(')');
                if (@case.Tags.Length > 0)
                {
                    text.Append(".When(").Append(string.Join(", ", @case.Tags.Select(SourceWriter.Literal))).Append(')');
                }
            }
            else
            {
                text.Append(JsonCode.UnionCase).Append(".Of(").Append(JsonCode.UnionKind).Append('.').Append(@case.Kind).Append(')');
            }
        }

        return text.ToString();
    }
}
