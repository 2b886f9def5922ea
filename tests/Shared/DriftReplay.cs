using System.Reflection;
using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Testing;

/// <summary>Reads one document as the model of its example: leniently (returning the report) or strictly.</summary>
internal delegate void DriftRead(byte[] utf8Json, bool strict, out JsonDeviationReport? deviations);

/// <summary>The reader of an operation's response: <see cref="ActionsJson"/>'s strict/out overloads, bound to the model by reflection.</summary>
internal static class DriftReaders
{
    /// <summary>
    /// The model <paramref name="operationId"/>'s generated method returns (from the <c>*Operations</c> interfaces of
    /// <paramref name="generated"/>) and its reader; null when the method returns no JSON model.
    /// </summary>
    public static (Type Model, DriftRead Read)? ForOperation(Assembly generated, string operationId)
    {
        var name = string.Concat(operationId[(operationId.IndexOf('/') + 1)..].Split('-', '_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Async";
        var method = generated.GetTypes()
            .Where(t => t.IsInterface && t.Name.EndsWith("Operations", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Single(m => m.Name == name);
        if (!method.ReturnType.IsGenericType)
        {
            return null;
        }

        var result = method.ReturnType.GetGenericArguments()[0];
        var isList = result.IsGenericType && result.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var model = isList ? result.GetGenericArguments()[0] : result;
        if (!model.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IJsonModel<>)))
        {
            return null;
        }

        var reader = typeof(DriftReaders).GetMethod(isList ? nameof(ReadList) : nameof(ReadOne), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (model, reader.MakeGenericMethod(model).CreateDelegate<DriftRead>());
    }

    // A span cannot be boxed for MethodInfo.Invoke: these take the bytes and call the span overloads.
    private static void ReadOne<T>(byte[] json, bool strict, out JsonDeviationReport? deviations) where T : IJsonModel<T> =>
        ActionsJson.Deserialize<T>(json, strict, out deviations);

    private static void ReadList<T>(byte[] json, bool strict, out JsonDeviationReport? deviations) where T : IJsonModel<T> =>
        ActionsJson.DeserializeList<T>(json, strict, out deviations);
}

/// <summary>What replaying a corpus found: counts, and each mutation whose reading disagreed with the oracle.</summary>
internal sealed class DriftTally
{
    public int Mutations { get; private set; }

    public int Drifting { get; private set; }

    public int Deviations { get; private set; }

    public List<string> Skipped { get; } = new();

    public List<string> Failures { get; } = new();

    public override string ToString() =>
        $"{Mutations} mutations read, {Drifting} of them drift ({Deviations} deviations expected in all), {Skipped.Count} skipped, {Failures.Count} failed";

    /// <summary>
    /// Reads each mutation of <paramref name="key"/>'s example: leniently it must succeed and report exactly the
    /// oracle's deviations, in order; strictly it must fail at the first of them, naming its path, or succeed when there is none.
    /// A mutation named in <paramref name="skips"/> (by "key: name") is counted as skipped, not read.
    /// </summary>
    public void Replay(string key, IEnumerable<DriftMutation> mutations, DriftRead read, IReadOnlyDictionary<string, string> skips)
    {
        foreach (var mutation in mutations)
        {
            var name = key + ": " + mutation.Name;
            if (skips.ContainsKey(name))
            {
                Skipped.Add(name);
                continue;
            }

            Mutations++;
            Drifting += mutation.Drifts ? 1 : 0;
            Deviations += mutation.Expected.Count;
            var json = Encoding.UTF8.GetBytes(mutation.Json);
            if ((Lenient(json, mutation.Expected, read) ?? Strict(json, mutation.Expected, read)) is { } failure)
            {
                Failures.Add(name + ": " + failure);
            }
        }
    }

    private static string? Lenient(byte[] json, IReadOnlyList<string> expected, DriftRead read)
    {
        JsonDeviationReport? report;
        try
        {
            read(json, strict: false, out report);
        }
        catch (Exception e)
        {
            return "the lenient read threw " + e.GetType().Name + ": " + e.Message;
        }

        var listed = report?.Listed.Select(d => d.Path + " " + d.KindName).ToList() ?? new List<string>();
        var count = report?.Count ?? 0;
        if (count != expected.Count || !listed.SequenceEqual(expected.Take(JsonDeviationReport.MaxListed)))
        {
            return $"expected [{string.Join(", ", expected)}] but the report lists [{string.Join(", ", listed)}] of {count}";
        }

        return null;
    }

    private static string? Strict(byte[] json, IReadOnlyList<string> expected, DriftRead read)
    {
        try
        {
            read(json, strict: true, out _);
        }
        catch (JsonException e) when (expected.Count > 0)
        {
            var path = expected[0][..expected[0].LastIndexOf(' ')];
            return e.Path == path && e.Message.Contains(path, StringComparison.Ordinal) ? null : $"the strict read failed at {e.Path}, not {path}: {e.Message}";
        }
        catch (Exception e)
        {
            return "the strict read threw " + e.GetType().Name + ": " + e.Message;
        }

        return expected.Count > 0 ? "the strict read did not fail (expected it to at " + expected[0] + ")" : null;
    }
}
