using System.Diagnostics;
using System.Text;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// Mutation fuzzing of spec/actions.yaml: structural edits (lines dropped, duplicated, moved, re-indented, values
/// swapped for other tokens) and byte edits, from a fixed seed, for as many cases as fit the time budget
/// (ACTIONSGEN_FUZZ_SECONDS, default 60). The generator must never throw, and its output must compile unless it
/// reported an ACTG error.
/// </summary>
public class SpecFuzzTests
{
    private static readonly string[] Tokens =
    {
        "null", "~", "''", "[]", "{}", "-1", "1e999", "banana", "'*/ class Injected {} //'", "\"\\u2028\"", "$ref: '#/components/schemas/nope'",
        "type: object", "type: array", "enum: []", "required: [x]", "nullable: true", "oneOf: [{type: integer}, {type: string}]", "allOf: []",
        "&anchor", "*anchor", "!!binary", "|", ">", "- ", ": ", "{", "}", "[", "]", "#", "\t", "\u00e9", "\ud83d\ude00",
    };

    [Fact]
    public void The_generator_never_throws_and_its_output_compiles_unless_it_reports_an_error()
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath).Replace("\r\n", "\n");
        var budget = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("ACTIONSGEN_FUZZ_SECONDS"), out var s) ? s : 60);
        var random = new Random(26112026);
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        int cases = 0, withErrors = 0;
        while ((watch.Elapsed < budget || cases < 20) && failures.Count < 5)
        {
            var mutated = Mutate(spec, random);
            cases++;
            try
            {
                var (run, output, compile) = GeneratorHarness.Generate(mutated);
                var result = run.Results.Single();
                var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                if (result.Exception is not null || run.Diagnostics.Concat(compile).Any(d => d.Id is "CS8785" or "ACTG099"))
                {
                    failures.Add($"case {cases}: generator failed: {result.Exception?.ToString() ?? string.Join("; ", run.Diagnostics)}");
                }
                else if (errors.Length == 0 && compile.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    failures.Add($"case {cases}: no ACTG error, but the output does not compile: {compile.First(d => d.Severity == DiagnosticSeverity.Error)}");
                }
                else if (output.GetSymbolsWithName(n => n.StartsWith("Injected", StringComparison.Ordinal), SymbolFilter.Type).Any())
                {
                    failures.Add($"case {cases}: a type from the spec's text was declared");
                }

                withErrors += errors.Length > 0 ? 1 : 0;
            }
            catch (Exception e)
            {
                failures.Add($"case {cases}: {e}");
            }

            if (failures.Count > 0 && failures.Count == 1 && failures[0].StartsWith($"case {cases}:", StringComparison.Ordinal))
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "actionsgen-fuzz-failure.yaml"), mutated);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed (first spec written to {Path.GetTempPath()}actionsgen-fuzz-failure.yaml):\n" + string.Join("\n", failures));
        Assert.InRange(withErrors, 1, cases - 1); // both outcomes were exercised
    }

    private static string Mutate(string spec, Random random)
    {
        var lines = spec.Split('\n').ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: // drop a range of lines
                    lines.RemoveRange(at, Math.Min(random.Next(1, 30), lines.Count - at));
                    break;
                case 1: // duplicate a range of lines
                    lines.InsertRange(at, lines.GetRange(at, Math.Min(random.Next(1, 20), lines.Count - at)));
                    break;
                case 2: // move a line
                    var line = lines[at];
                    lines.RemoveAt(at);
                    lines.Insert(random.Next(lines.Count), line);
                    break;
                case 3: // re-indent
                    lines[at] = random.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                    break;
                case 4: // replace a value with another token
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    lines[at] = colon >= 0 ? lines[at][..(colon + 2)] + Tokens[random.Next(Tokens.Length)] : lines[at] + Tokens[random.Next(Tokens.Length)];
                    break;
                case 5: // insert a token line
                    lines.Insert(at, new string(' ', random.Next(0, 12)) + Tokens[random.Next(Tokens.Length)]);
                    break;
                case 6: // rename a key (a schema, property, parameter or reference target)
                    lines[at] = lines[at].Replace("job", "jo b", StringComparison.Ordinal).Replace("run_id", "run-id", StringComparison.Ordinal).Replace("workflow-run", "WorkflowRun", StringComparison.Ordinal);
                    break;
                default: // byte edit
                    var chars = new StringBuilder(lines[at]);
                    if (chars.Length > 0)
                    {
                        chars[random.Next(chars.Length)] = (char)random.Next(1, 0x3000);
                    }

                    lines[at] = chars.ToString();
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
