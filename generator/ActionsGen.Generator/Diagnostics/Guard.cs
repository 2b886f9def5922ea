using System;
using System.Text;
using ActionsGen.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionsGen.Generator.Diagnostics;

/// <summary>
/// The generator never throws to Roslyn: an exception while parsing a spec (<see cref="Parsing.SpecParser"/>) or while
/// producing an output (<see cref="Output{T}"/>) becomes ACTG099, "please report", naming what failed and the method
/// that threw. An exception that escaped would make Roslyn drop every file of the generator (CS8785).
/// </summary>
internal static class Guard
{
    /// <summary>For tests of the output guard only: runs first inside it with the output's name, so a test can make an output fail.</summary>
    internal static Action<string>? OutputFaultInjection { get; set; }

    /// <summary>
    /// <paramref name="output"/>, guarded: an exception becomes ACTG099 naming the output (<paramref name="name"/>);
    /// what the output added before it stays, and so do the other outputs.
    /// </summary>
    public static Action<SourceProductionContext, T> Output<T>(Func<T, string> name, Action<SourceProductionContext, T> output) => (context, value) =>
    {
        try
        {
            OutputFaultInjection?.Invoke(name(value));
            output(context, value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, NameOf(name, value), Describe(e)));
        }
    };

    /// <summary>
    /// A guarded output of one file: <paramref name="file"/> says which type it declares (or null: no file), and
    /// <paramref name="emit"/> writes it; the file's hint name is <see cref="HintNames.Of"/>.
    /// </summary>
    public static Action<SourceProductionContext, T> Source<T>(Func<T, (string Namespace, string Name)?> file, Func<T, string> emit) =>
        Output<T>(
            value => file(value) is { } type ? type.Namespace + "." + type.Name : "nothing",
            (context, value) =>
            {
                if (file(value) is { } type)
                {
                    context.AddSource(HintNames.Of(type.Namespace, type.Name), SourceText.From(emit(value), Encoding.UTF8));
                }
            });

    /// <summary>The exception as the ACTG099 message says it: its type, its message on one line, and the method that threw.</summary>
    public static string Describe(Exception e)
    {
        var frame = new System.Diagnostics.StackTrace(e, false).GetFrame(0)?.GetMethod();
        var where = frame is null ? string.Empty : " at " + frame.DeclaringType?.Name + "." + frame.Name;
        return e.GetType().Name + ": " + Parsing.SpecReader.Clean(e.Message) + where;
    }

    // The output's name for the report, even when naming it is what failed.
    private static string NameOf<T>(Func<T, string> name, T value)
    {
        try
        {
            return name(value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return typeof(T).Name;
        }
    }
}
