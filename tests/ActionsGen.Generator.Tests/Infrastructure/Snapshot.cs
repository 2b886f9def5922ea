using System.Runtime.CompilerServices;
using System.Text;

namespace ActionsGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files the Verify way: <c>NAME.verified.cs</c> beside the test. A mismatch writes <c>NAME.received.cs</c>
/// and fails with a line diff; setting <c>ACTIONSGEN_ACCEPT_SNAPSHOTS=1</c> accepts what was received.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "ACTIONSGEN_ACCEPT_SNAPSHOTS";

    public static string Directory([CallerFilePath] string callerFile = "") => Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");

    /// <summary>Compares every file against its snapshot in <paramref name="directory"/>; snapshots with no file are stale.</summary>
    public static void Verify(string directory, IReadOnlyDictionary<string, string> files)
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        System.IO.Directory.CreateDirectory(directory);
        var failures = new StringBuilder();
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var verified = Path.Combine(directory, name + ".verified.cs");
            var received = Path.Combine(directory, name + ".received.cs");
            var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
            if (expected == content)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, content);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, content);
            failures.AppendLine(expected is null ? $"New snapshot {name}: see {received}" : $"Snapshot {name} differs:\n{Diff(expected, content)}");
        }

        var expectedNames = files.Keys.Select(n => n + ".verified.cs").ToHashSet(StringComparer.Ordinal);
        foreach (var stale in System.IO.Directory.GetFiles(directory, "*.verified.cs").Where(f => !expectedNames.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                failures.AppendLine($"Stale snapshot {Path.GetFileName(stale)}: nothing generates it any more.");
            }
        }

        if (failures.Length > 0)
        {
            Assert.Fail(failures + $"\nIf the change is intended, run the tests again with {AcceptVariable}=1.");
        }
    }

    // A small line diff: the first differing lines with context, enough to see what changed.
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var output = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 20; i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < b.Length ? b[i] : null;
            if (left == right)
            {
                continue;
            }

            if (left is not null)
            {
                output.AppendLine($"  {i + 1,5} - {left}");
            }

            if (right is not null)
            {
                output.AppendLine($"  {i + 1,5} + {right}");
            }

            shown++;
        }

        return output.ToString();
    }
}
