using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Models.Tests;

/// <summary>
/// Random mutations of every spec example (fixed seed, 10,000 cases): the generated readers either read the document or
/// throw the documented <see cref="JsonException"/>, never anything else (no NullReferenceException,
/// InvalidOperationException, IndexOutOfRange …), and whatever they read writes back as valid JSON.
/// </summary>
public class ReaderFuzzTests
{
    private const int Cases = 10_000;

    private static readonly (string Key, Func<byte[], byte[]> Read)[] Readers =
    {
        ("actions/list-workflow-runs-for-repo 200", Read<WorkflowRunList>),
        ("actions/get-workflow-run 200", Read<WorkflowRun>),
        ("actions/get-reviews-for-run 200", ReadList<EnvironmentApprovals>),
        ("actions/get-pending-deployments-for-run 200", ReadList<PendingDeployment>),
        ("actions/review-pending-deployments-for-run request", Read<ReviewPendingDeploymentsRequest>),
        ("actions/review-pending-deployments-for-run 200", ReadList<Deployment>),
        ("actions/review-custom-gates-for-run request", Read<ReviewCustomGatesRequest>),
        ("actions/get-workflow-run-usage 200", Read<WorkflowRunUsage>),
        ("actions/get-job-for-workflow-run 200", Read<Job>),
        ("actions/list-jobs-for-workflow-run 200", Read<JobList>),
    };

    // Tokens a mutation splices in: wrong types, nulls, huge numbers, escapes, deep nesting, broken UTF-8.
    private static readonly string[] Splices =
    {
        "null", "true", "0", "-1", "1e400", "99999999999999999999", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}",
        "[[[[[[[[[[", "}}}", "\"2024-13-45T99:99:99Z\"", "\"completed\"", "{\"id\":null}", ",", ":", "\"a\":1", "\u00e9", "\\",
    };

    [Fact]
    public void Mutated_examples_only_ever_throw_JsonException()
    {
        var random = new Random(20261126);
        var failures = new List<string>();
        var read = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (key, reader) = Readers[i % Readers.Length];
            var mutated = Mutate(Encoding.UTF8.GetBytes(SpecExamples.Get(key)), random);
            try
            {
                var written = reader(mutated);
                using var _ = JsonDocument.Parse(written);
                read++;
            }
            catch (JsonException)
            {
            }
            catch (Exception e)
            {
                failures.Add($"case {i} ({key}): {e.GetType().Name}: {e.Message}\n{Encoding.UTF8.GetString(mutated)}");
            }
        }

        Assert.True(failures.Count == 0, failures.Count + " mutations escaped as another exception; first: " + failures.FirstOrDefault());
        Assert.InRange(read, Cases / 20, Cases - (Cases / 20)); // the mutations exercise both paths
    }

    private static byte[] Read<T>(byte[] json) where T : IJsonModel<T> => ActionsJson.SerializeToUtf8Bytes(ActionsJson.Deserialize<T>(json));

    private static byte[] ReadList<T>(byte[] json) where T : IJsonModel<T>
    {
        var items = ActionsJson.DeserializeList<T>(json);
        return Encoding.UTF8.GetBytes("[" + string.Join(",", items.Select(item => Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(item)))) + "]");
    }

    private static byte[] Mutate(byte[] json, Random random)
    {
        var bytes = new List<byte>(json);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip a byte
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // delete a range
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 3: // splice in a token
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                    break;
                case 4: // replace a value after a colon with a token of another kind
                    var colon = bytes.IndexOf((byte)':', at);
                    if (colon >= 0)
                    {
                        var end = colon + 1;
                        while (end < bytes.Count && bytes[end] is not (byte)',' and not (byte)'}')
                        {
                            end++;
                        }

                        bytes.RemoveRange(colon + 1, end - colon - 1);
                        bytes.InsertRange(colon + 1, Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                    }

                    break;
                default: // duplicate a range (repeated properties, nested copies)
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return bytes.ToArray();
    }
}

public class MalformedStringTests
{
    [Fact]
    public void An_escaped_known_enum_value_is_still_known()
    {
        var json = """{"name":"n","status":"\u0071ueued","conclusion":null,"number":1}""";

        var step = ActionsJson.Deserialize<JobStep>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(JobStepStatus.Queued, step.Status);
        Assert.True(step.Status.IsKnown);
    }

    [Theory]
    [InlineData("""{"name":"n","status":"\ud800","number":1}""")]
    [InlineData("""{"name":"\udc00x","status":"queued","number":1}""")]
    [InlineData("""{"na\ud800me":"n","status":"queued","number":1}""")]
    public void Malformed_escapes_are_a_JsonException_at_their_offset(string json)
    {
        var error = Assert.Throws<JsonException>(() => ActionsJson.Deserialize<JobStep>(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("at byte offset", error.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_a_JsonException_at_its_offset()
    {
        var json = Encoding.UTF8.GetBytes("""{"name":"ab","status":"queued","number":1}""");
        json[10] = 0xFF;

        var error = Assert.Throws<JsonException>(() => ActionsJson.Deserialize<JobStep>(json));

        Assert.Equal(8, error.BytePositionInLine);
    }
}
