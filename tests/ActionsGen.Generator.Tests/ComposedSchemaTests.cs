using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>oneOf/anyOf as unions and allOf as merged models: generated, compiled, and run on JSON.</summary>
public class ComposedSchemaTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: composed, version: '1'}
        paths: {}
        components:
          schemas:
            cat:
              type: object
              required: [pet_type, meows]
              properties:
                pet_type: {type: string}
                meows: {type: boolean}
            dog:
              type: object
              required: [pet_type, barks]
              properties:
                pet_type: {type: string}
                barks: {type: boolean}
            pet:
              oneOf:
              - $ref: '#/components/schemas/cat'
              - $ref: '#/components/schemas/dog'
              discriminator:
                propertyName: pet_type
                mapping:
                  kitty: '#/components/schemas/cat'
            payload:
              nullable: true
              oneOf:
              - {type: object, additionalProperties: true}
              - {type: string}
              - {type: array, items: {type: integer}}
              - {type: integer}
            named:
              type: object
              required: [id]
              properties:
                id: {type: integer}
                name: {type: string}
            owner:
              allOf:
              - $ref: '#/components/schemas/named'
              - type: object
                required: [login]
                properties:
                  login: {type: string}
                  pet: {$ref: '#/components/schemas/pet'}
                  payload: {$ref: '#/components/schemas/payload'}
        """;

    // A spec of component schemas only: what follows is indented as one of them.
    private const string ModelsOnly = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";

    private const string Probe = """
        using ActionsGen.Runtime.Serialization;
        using Composed;
        public static class Probe
        {
            static string Pet(string json) => ActionsJson.Deserialize<Pet>(System.Text.Encoding.UTF8.GetBytes(json)).Match(c => "cat " + c.Meows, d => "dog " + d.Barks, raw => "raw " + raw.GetRawText());
            static string Payload(string json)
            {
                var p = ActionsJson.Deserialize<Payload>(System.Text.Encoding.UTF8.GetBytes(json));
                var back = System.Text.Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(p));
                return (p.IsObject ? "object" : p.IsString ? "string" : p.IsIntegerList ? "list" : p.IsInteger ? "integer" : "unknown") + " " + back;
            }

            public static string Run()
            {
                var owner = ActionsJson.Deserialize<Owner>("{\"id\":1,\"login\":\"octo\",\"pet\":{\"pet_type\":\"dog\",\"barks\":true},\"payload\":null}"u8);
                Payload fromText = "text";
                Pet fromCat = new Cat { PetType = "kitty", Meows = true };
                return string.Join("|",
                    Pet("{\"pet_type\":\"kitty\",\"meows\":false,\"barks\":true}"),
                    Pet("{\"barks\":true,\"pet_type\":\"dog\"}"),
                    Pet("{\"pet_type\":\"unknown-tag\",\"meows\":true}"),
                    Pet("{\"pet_type\":\"parrot\"}"),
                    Pet("\"not an object\""),
                    Payload("{\"a\":1}"), Payload("\"s\""), Payload("[1,2]"), Payload("7"), Payload("true"),
                    owner.Id + " " + owner.Login + " " + owner.Name + " " + owner.Pet!.Value.IsDog + " " + (owner.Payload is null),
                    fromText.TryGetString(out var s) + " " + s + " " + fromCat.IsCat);
            }
        }
        """;

    [Fact]
    public void Unions_read_by_discriminator_then_shape_keep_raw_JSON_and_allOf_parts_merge_into_one_model()
    {
        var (run, compilation, compile) = GeneratorHarness.Generate(Spec, ns: "Composed", extraSources: Probe);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var result = System.Reflection.Assembly.Load(image.ToArray()).GetType("Probe")!.GetMethod("Run")!.Invoke(null, null);

        Assert.Equal(
            string.Join("|",
                "cat False",                                   // the discriminator's mapping key names the case, whatever the shape
                "dog True",                                    // the schema name as implicit tag
                "cat True",                                    // an unknown tag: by shape
                "raw {\"pet_type\":\"parrot\"}",               // no case has all its required properties: raw JSON
                "raw \"not an object\"",
                "object {\"a\":1}", "string \"s\"", "list [1,2]", "integer 7", "unknown true",
                "1 octo  True True",                           // allOf: the parent's id and name, the part's login; a null union
                "True text True"),
            result);
    }

    [Fact]
    public void An_allOf_part_that_retypes_a_property_is_ACTG014_at_that_property()
    {
        var spec = """
            openapi: 3.0.3
            info: {title: conflict, version: '1'}
            paths: {}
            components:
              schemas:
                base:
                  type: object
                  properties:
                    id: {type: integer, format: int64}
                thing:
                  allOf:
                  - $ref: '#/components/schemas/base'
                  - type: object
                    properties:
                      id: {type: string}
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ACTG014", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(14, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the second `id:`
        Assert.Contains("'id'", diagnostic.GetMessage());
        Assert.Empty(compile);
    }

    [Fact]
    public void A_union_branch_that_is_the_union_itself_is_left_out_with_ACTG017_at_the_branch()
    {
        var spec = ModelsOnly + """
                self:
                  anyOf:
                  - $ref: '#/components/schemas/self' # ACTG017
                  - type: string
                alias:
                  allOf:
                  - $ref: '#/components/schemas/through'
                through:
                  anyOf:
                  - type: integer
                  - $ref: '#/components/schemas/alias' # ACTG017
                twice:
                  oneOf:
                  - $ref: '#/components/schemas/twice' # ACTG017
                  - $ref: '#/components/schemas/twice' # ACTG017
            """;

        var (run, output, compile) = GeneratorHarness.Generate(spec);

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile);
        Assert.All(run.Diagnostics, d => Assert.Equal(("ACTG017", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(MarkedLines(spec, "# ACTG017"), run.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order());
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("'#/components/schemas/self/anyOf/0' is the union '#/components/schemas/self'", StringComparison.Ordinal));
        Assert.Equal(new[] { "IsString" }, output.GetTypeByMetadataName("GitHub.Actions.Self")!.GetMembers().Where(m => m.Name.StartsWith("Is", StringComparison.Ordinal) && m.Name != "IsUnknown").Select(m => m.Name));
    }

    [Theory]
    [InlineData("""
        self:
          allOf:
          - $ref: '#/components/schemas/self' # ACTG005
        """)]
    [InlineData("""
        self:
          anyOf:
          - $ref: '#/components/schemas/self' # ACTG005
          - type: 'null'
        """)]
    [InlineData("""
        self:
          type: array
          items: # ACTG005
            $ref: '#/components/schemas/self'
        """)]
    [InlineData("""
        self:
          type: object
          additionalProperties: # ACTG005
            $ref: '#/components/schemas/self'
        """)]
    [InlineData("""
        self:
          allOf:
          - $ref: '#/components/schemas/other' # ACTG005
        other:
          oneOf:
          - $ref: '#/components/schemas/self' # ACTG005
          - type: 'null'
        """)]
    public void A_schema_that_leads_back_to_itself_through_no_type_is_raw_JSON_with_ACTG005_at_each_reference_of_the_cycle(string schemas)
    {
        // Before, resolving it recursed until the stack overflowed: the compiler process died, with no diagnostic at all.
        var spec = ModelsOnly + """
                holder:
                  type: object
                  properties:
                    value: {$ref: '#/components/schemas/self'}

            """ + string.Concat(schemas.Split('\n').Select(line => "    " + line + "\n"));

        var (run, output, compile) = GeneratorHarness.Generate(spec);

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile);
        Assert.All(run.Diagnostics, d => Assert.Equal(("ACTG005", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.All(run.Diagnostics, d => Assert.Contains("a reference back to", d.GetMessage()));
        Assert.Equal(MarkedLines(spec, "# ACTG005"), run.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order());
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.Holder"));
    }

    // The 0-based lines that end in marker: where the test expects a diagnostic.
    private static IEnumerable<int> MarkedLines(string spec, string marker) =>
        spec.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.TrimEnd().EndsWith(marker, StringComparison.Ordinal)).Select(l => l.index);
}
