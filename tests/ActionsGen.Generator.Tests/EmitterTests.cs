using ActionsGen.Generator.Emitting;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>The emitters work from hand-built models, no YAML involved: the model is the contract between the halves.</summary>
public class EmitterTests
{
    private static readonly TypeModel Status = new(
        TypeModelKind.Enum, "Light", "#/components/schemas/light", "A traffic light.", EquatableArray<PropertyModel>.Empty,
        new[] { new EnumMemberModel("red", "Red"), new EnumMemberModel("green", "Green") }.ToEquatableArray());

    private static readonly TypeModel Crossing = new(
        TypeModelKind.Object, "Crossing", "#/components/schemas/crossing", "A crossing.",
        new[]
        {
            new PropertyModel("id", "Id", "_id", TypeRef.Int64, Required: true, Nullable: false, "The id."),
            new PropertyModel("light", "Light", "_light", TypeRef.Named("Light", TypeModelKind.Enum), Required: false, Nullable: true, null),
            new PropertyModel("seen_at", "SeenAt", "_seenAt", TypeRef.DateTime, Required: false, Nullable: false, null),
        }.ToEquatableArray(),
        EquatableArray<EnumMemberModel>.Empty);

    private static readonly TypeModel Nothing = new(
        TypeModelKind.Object, "Nothing", "#/components/schemas/nothing", null, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty);

    [Fact]
    public void Hand_built_models_emit_code_that_compiles_and_reads_JSON()
    {
        var sources = new[]
        {
            ModelEmitter.Emit("Town", Crossing),
            ModelEmitter.Emit("Town", Nothing),
            EnumEmitter.Emit("Town", Status),
            """
            public static class Probe
            {
                public static string Run()
                {
                    var c = ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<Town.Crossing>("{\"id\":7,\"light\":\"amber\",\"seen_at\":\"2026-11-26T08:00:00Z\"}"u8);
                    var reversed = ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<Town.Crossing>("{\"seen_at\":\"2026-11-26T09:00:00Z\",\"light\":null,\"id\":8}"u8);
                    var nothing = ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<Town.Nothing>("{\"a\":1,\"b\":[{}]}"u8);
                    return c.Id + " " + c.Light + " " + c.Light!.Value.IsKnown + " " + c.SeenAt!.Value.Hour + "; " + reversed.Id + " " + (reversed.Light is null) + " " + reversed.SeenAt!.Value.Hour + "; " + (nothing is not null);
                }
            }
            """,
        };

        var compilation = GeneratorHarness.Compilation(sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var assembly = System.Reflection.Assembly.Load(image.ToArray());
        var result = assembly.GetType("Probe")!.GetMethod("Run")!.Invoke(null, null);
        Assert.Equal("7 amber False 8; 8 True 9; True", result);
    }
}
