using System.Text;
using ActionsGen.Testing;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>Assertions shared by the per-operation tests.</summary>
internal static class Expect
{
    /// <summary>The model read from the response holds the whole example: written back, it is the same JSON.</summary>
    public static void ReadWhole<T>(T model, string exampleKey) where T : IJsonModel<T> =>
        JsonAssert.Equivalent(SpecExamples.Get(exampleKey), Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(model)));

    /// <summary>Each item of a list response holds the whole corresponding item of the example.</summary>
    public static void ReadWholeList<T>(IReadOnlyList<T> items, string exampleKey) where T : IJsonModel<T>
    {
        var json = new StringBuilder("[");
        json.AppendJoin(",", items.Select(i => Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(i))));
        JsonAssert.Equivalent(SpecExamples.Get(exampleKey), json.Append(']').ToString());
    }

    /// <summary>A request with this method and raw target, GitHub's headers and the token, and no body.</summary>
    public static void Request(RecordedRequest request, string method, string rawTarget)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(rawTarget, request.RawTarget);
        ClientFixture.AssertGitHubHeaders(request);
    }

    /// <summary>A JSON request body semantically equal to <paramref name="expectedJson"/>.</summary>
    public static void JsonBody(RecordedRequest request, string expectedJson)
    {
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        JsonAssert.Equivalent(expectedJson, request.BodyText);
    }
}
