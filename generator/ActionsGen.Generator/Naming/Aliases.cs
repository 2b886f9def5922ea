using System.Collections.Generic;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The namespace aliases generated files spell runtime and framework types with (<c>AgJson::JsonObjectReader</c>,
/// <c>SysJson::Utf8JsonReader</c>), as protobuf's C# output does (<c>pb::</c>, <c>scg::</c>). An alias-qualified name
/// looks only among aliases, so no type the spec declares and no using of the consumer's can change what it binds to,
/// and it is a third of the syntax nodes of <c>global::ActionsGen.Runtime.Serialization.JsonObjectReader</c>.
/// An alias declared at the top of a file does not clash with a type of the generated namespace (that is another
/// declaration space), and a file declares only the aliases it uses. Not all lower case: the compiler warns on such
/// names (CS8981).
/// </summary>
internal static class Aliases
{
    public const string Serialization = "AgJson::";
    public const string Http = "AgHttp::";
    public const string Runtime = "Ag::";
    public const string System = "Sys::";
    public const string Json = "SysJson::";
    public const string Collections = "SysCollections::";
    public const string Tasks = "SysTasks::";
    public const string Threading = "SysThreading::";
    public const string Webhooks = "AgHooks::";

    /// <summary>Each alias with the namespace it stands for, in the order the directives are written.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All = new[]
    {
        Pair(Runtime, "global::ActionsGen.Runtime"),
        Pair(Http, "global::ActionsGen.Runtime.Http"),
        Pair(Serialization, "global::ActionsGen.Runtime.Serialization"),
        Pair(Webhooks, "global::ActionsGen.Runtime.Webhooks"),
        Pair(System, "global::System"),
        Pair(Collections, "global::System.Collections.Generic"),
        Pair(Json, "global::System.Text.Json"),
        Pair(Tasks, "global::System.Threading.Tasks"),
        Pair(Threading, "global::System.Threading"),
    };

    private static KeyValuePair<string, string> Pair(string alias, string target) => new(alias, target);
}
