namespace ActionsGen.Generator.Naming;

/// <summary>The names the generator invents for a spec's simulator.</summary>
internal static class SimulatorNames
{
    private const string ClientSuffix = "Client";

    /// <summary>The static table the simulator's constructor hands the runtime.</summary>
    public const string ContractField = "s_contract";

    /// <summary>
    /// The simulator class of a root client: its name with <c>Client</c> replaced by <c>Simulator</c>
    /// (<c>ActionsClient</c> → <c>ActionsSimulator</c>), or with <c>Simulator</c> added when it does not end in <c>Client</c>.
    /// </summary>
    public static string Class(string clientName) =>
        (clientName.Length > ClientSuffix.Length && clientName.EndsWith(ClientSuffix, System.StringComparison.Ordinal)
            ? clientName.Substring(0, clientName.Length - ClientSuffix.Length)
            : clientName) + "Simulator";
}
