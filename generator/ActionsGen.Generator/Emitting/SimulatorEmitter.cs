using System.Globalization;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a spec's simulator (<c>Simulator="true"</c>): a class over the runtime's <c>ApiSimulator</c> engine holding one
/// line of data per operation (method, path template, operationId, success status, parameter rules, body rules,
/// example) and one per component schema those rules refer to. The engine does the routing, checking and answering.
/// </summary>
internal static class SimulatorEmitter
{
    private const string Simulation = Aliases.Runtime + "Simulation.";

    public static string Emit(SimulatorModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.DocComment(
            $"A simulated API for tests, generated from the spec: give it to the HttpClient of {model.ClientName} and every operation is answered in process, with its spec example and first success status.",
            "A request the spec does not allow (a missing or malformed parameter, a value outside its enum or range, a body that breaks its schema, a method the path does not have) is refused as GitHub refuses it: 422 with the parameter or member named, 400 for a body that is not JSON, 404 for an unknown route. Requests lists what arrived; Respond and its canned failures script the answers.");
        using (w.Block($"public sealed partial class {model.ClassName} : {Simulation}ApiSimulator"))
        {
            w.Line($"private static readonly {Simulation}SimulatedApi {SimulatorNames.ContractField} = new(");
            w.Indent();
            w.Line($"{GeneratorTypeNames.Resolver}.{GeneratorTypeNames.ResolverInstance},");
            w.Line($"new {Simulation}SimulatedSchema[]");
            w.Line("{");
            w.Indent();
            foreach (var schema in model.Schemas)
            {
                w.Line($"new({SourceWriter.Literal(schema.Name)}, {SourceWriter.Utf8Literal(schema.Schema)}),");
            }

            w.Unindent();
            w.Line("},");
            w.Line($"new {Simulation}SimulatedOperation[]");
            w.Line("{");
            w.Indent();
            foreach (var operation in model.Operations)
            {
                w.Line(Row(operation));
            }

            w.Unindent();
            w.Line("});");
            w.Unindent();
            w.Line();
            w.DocComment("Creates a simulator that answers every operation with its spec example until scripted otherwise.");
            w.Line($"public {model.ClassName}()");
            w.Indent();
            w.Line($": base({SimulatorNames.ContractField})");
            w.Unindent();
            w.Line("{");
            w.Line("}");
        }

        w.FileFooter();
        return w.ToString();
    }

    // new(method, path, operationId, status, parameters, body, example[, location:, items:, documentationUrl:])
    private static string Row(SimulatedOperationModel operation)
    {
        var row = "new("
            + SourceWriter.Literal(operation.Method) + ", "
            + SourceWriter.Literal(operation.Path) + ", "
            + SourceWriter.Literal(operation.OperationId) + ", "
            + operation.Status.ToString(CultureInfo.InvariantCulture) + ", "
            + SourceWriter.Utf8Literal(operation.Parameters) + ", "
            + Utf8OrDefault(operation.Body) + ", "
            + Utf8OrDefault(operation.Example);
        row += operation.Location is { } location ? ", location: " + SourceWriter.Literal(location) : string.Empty;
        row += operation.Items is { } items ? ", items: " + SourceWriter.Literal(items) : string.Empty;
        row += operation.DocumentationUrl is { } docs ? ", documentationUrl: " + SourceWriter.Literal(docs) : string.Empty;
        return row + "),";
    }

    private static string Utf8OrDefault(string? json) => json is null ? "default" : SourceWriter.Utf8Literal(json);
}
