using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits one <c>IJsonTypeInfoResolver</c> per namespace that hands System.Text.Json the generated converters: the
/// AOT-safe way to use the models with <c>JsonSerializer</c> (a <c>JsonSerializerContext</c> cannot see types that
/// another generator emits, so users chain this resolver instead).
/// </summary>
internal static class ResolverEmitter
{
    public static string Emit(ResolverModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.DocComment(
            "Gives System.Text.Json the generated converters of every model in this namespace, without reflection.",
            "Add it to JsonSerializerOptions.TypeInfoResolverChain (or combine it with a JsonSerializerContext) to use the models with JsonSerializer under trimming and Native AOT.");
        using (w.Block($"public sealed class {GeneratorTypeNames.Resolver} : {Aliases.Json}Serialization.Metadata.IJsonTypeInfoResolver"))
        {
            w.DocComment("The shared instance.");
            w.Line($"public static {GeneratorTypeNames.Resolver} {GeneratorTypeNames.ResolverInstance} {{ get; }} = new {GeneratorTypeNames.Resolver}();");
            w.Line();
            w.Line("/// <inheritdoc/>");
            using (w.Block($"public {Aliases.Json}Serialization.Metadata.JsonTypeInfo? GetTypeInfo({Aliases.System}Type type, {TypeNames.Options} options)"))
            {
                // One statement per type: a chained expression over a whole API's types is too deep for the compiler.
                foreach (var type in model.TypeNames)
                {
                    w.Line($"if (type == typeof({type})) return {Aliases.Serialization}JsonModelConverter<{type}>.TypeInfo(options);");
                }

                w.Line("return null;");
            }
        }

        w.FileFooter();
        return w.ToString();
    }
}
