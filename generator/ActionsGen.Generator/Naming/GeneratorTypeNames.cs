namespace ActionsGen.Generator.Naming;

/// <summary>
/// The types the generator names itself rather than from the spec, and their fixed members: the JSON type-info resolver,
/// the DI registration class and its method. A spec's types are named around them (<see cref="Reserved"/>).
/// </summary>
internal static class GeneratorTypeNames
{
    /// <summary>The <c>IJsonTypeInfoResolver</c> of a namespace.</summary>
    public const string Resolver = "ActionsJsonTypeInfoResolver";

    /// <summary>The resolver's shared instance.</summary>
    public const string ResolverInstance = "Instance";

    /// <summary>The static class that holds <see cref="RegistrationMethod"/>.</summary>
    public static string Registration(string clientName) => clientName + "ServiceCollectionExtensions";

    /// <summary><c>services.Add{ClientName}(configure)</c>.</summary>
    public static string RegistrationMethod(string clientName) => "Add" + clientName;

    /// <summary>
    /// The assembly the package's targets compile a project's generated code into with <c>ActionsGenClientAssembly</c>
    /// (the targets spell it <c>$(AssemblyName).ActionsGen</c>).
    /// </summary>
    public static string ClientAssembly(string assemblyName) => assemblyName + ".ActionsGen";

    /// <summary>
    /// The names no spec type may take in a namespace whose root client is <paramref name="clientName"/>: the client,
    /// the resolver, the registration, and the type parameter of a union's Match (case types are spelled by their
    /// simple names inside the union).
    /// </summary>
    public static string[] Reserved(string clientName) =>
        new[] { Resolver, clientName, Registration(clientName), MemberNames.UnionMatchResult };
}
