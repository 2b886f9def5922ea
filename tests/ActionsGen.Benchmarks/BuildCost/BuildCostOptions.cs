using System.Globalization;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>
/// <c>build-cost [runs] [--inputs spec,cut,whole] [--clients actionsgen,kiota] [--server on|off] [--client-assembly on|off] [--quick]</c>: runs
/// per timed figure (default 5), which descriptions to build and with which clients (the empty console is always
/// built), whether the timed builds use the compiler server (default on, as for users; off is a fresh csc per build,
/// as many CI systems run); <c>--client-assembly on|off</c> sets <c>ActionsGenClientAssembly</c> in ActionsGen's
/// consumers (the generated client compiled once per spec change, into an assembly of its own; unset, the package's
/// default: on for the consoles built here); <c>--quick</c> is one run of the spec and the cut.
/// </summary>
internal sealed record BuildCostOptions(int Runs, IReadOnlyList<string> Inputs, IReadOnlyList<string> Clients, bool Server = true, bool? ClientAssembly = null)
{
    /// <summary>The property the timed builds pass.</summary>
    public string ServerProperty => "-p:UseSharedCompilation=" + (Server ? "true" : "false");

    public static readonly string[] AllInputs = { "spec", "cut", "whole" };

    public static readonly string[] AllClients = { "actionsgen", "kiota" };

    public bool Builds(ClientKind client) => Clients.Contains(client.ToString().ToLowerInvariant());

    public static BuildCostOptions Parse(IReadOnlyList<string> args)
    {
        var runs = 5;
        IReadOnlyList<string> inputs = AllInputs;
        IReadOnlyList<string> clients = AllClients;
        var server = true;
        bool? clientAssembly = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    runs = 1;
                    inputs = new[] { "spec", "cut" };
                    break;
                case "--inputs" when i + 1 < args.Count:
                    inputs = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--clients" when i + 1 < args.Count:
                    clients = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).ToArray();
                    break;
                case "--server" when i + 1 < args.Count && args[i + 1] is "on" or "off":
                    server = args[++i] == "on";
                    break;
                case "--client-assembly" when i + 1 < args.Count && args[i + 1] is "on" or "off":
                    clientAssembly = args[++i] == "on";
                    break;
                case var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    break;
                default:
                    throw new ArgumentException($"build-cost: unknown argument '{args[i]}'; usage: build-cost [runs] [--inputs {string.Join(',', AllInputs)}] [--clients {string.Join(',', AllClients)}] [--server on|off] [--client-assembly on|off] [--quick]");
            }
        }

        var unknown = inputs.Except(AllInputs).Concat(clients.Except(AllClients)).ToArray();
        return unknown.Length == 0 ? new BuildCostOptions(runs, inputs, clients, server, clientAssembly)
            : throw new ArgumentException("build-cost: unknown input(s) or client(s) " + string.Join(", ", unknown) + "; known: " + string.Join(", ", AllInputs.Concat(AllClients)));
    }
}
