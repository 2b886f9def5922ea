namespace ActionsGen.Generator.Parsing;

/// <summary>What a mapping is in an OpenAPI document, as far as finding example data goes.</summary>
internal enum MappingRole : byte
{
    None,
    Root,
    Components,
    Properties,
    Content,
    MediaType,
    Examples,
    ExampleObject,
}

/// <summary>
/// Which values are example data: <c>example</c> anywhere (but a property named so), and <c>value</c> of an Example Object
/// under <c>#/components/examples</c> or a media type's <c>examples</c>. The generator never reads them and they are a
/// large share of a description, so both scanners blank them before the OpenAPI reader parses the text.
/// </summary>
internal static class ExampleData
{
    /// <summary>The role of the mapping that is the value of <paramref name="key"/> in a mapping of role <paramref name="parent"/>.</summary>
    public static MappingRole ChildRole(MappingRole parent, string? key) => parent switch
    {
        MappingRole.Properties => MappingRole.None,
        MappingRole.Root when key == "components" => MappingRole.Components,
        MappingRole.Content => MappingRole.MediaType,
        MappingRole.Components or MappingRole.MediaType when key == "examples" => MappingRole.Examples,
        MappingRole.Examples => MappingRole.ExampleObject,
        _ when key == "properties" => MappingRole.Properties,
        _ when key == "content" => MappingRole.Content,
        _ => MappingRole.None,
    };

    /// <summary>Whether the value of <paramref name="key"/> in a mapping of role <paramref name="parent"/> is example data.</summary>
    public static bool IsExample(MappingRole parent, string? key) =>
        (key == "example" && parent != MappingRole.Properties) || (key == "value" && parent == MappingRole.ExampleObject);
}
