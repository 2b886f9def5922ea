using System.Net;
using System.Text;
using System.Text.Json;
using ActionsGen.Runtime.Errors;
using ActionsGen.Tests.Simulated;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests.Simulation;

/// <summary>
/// Each rule the simulator checks, on its own: a request that breaks only that rule is refused as GitHub refuses it
/// (422 naming the parameter or member with GitHub's code, 400 for a body that is not JSON, 404 for an unknown route or
/// method), and the request beside it that keeps the rule is answered. Specs/simulated.yaml declares the rules.
/// </summary>
public class SimulatorValidationTests
{
    private const string Widgets = "https://api.github.com/widgets";
    private const string Valid = Widgets + "?kind=round";
    private const string Trace = "0123abcd";

    /// <summary>(rule, request that breaks it, request that keeps it, expected resource, field, code).</summary>
    public static TheoryData<string, Call, Call, string, string, string> Rules => new()
    {
        { "required query parameter", Get(Widgets), Get(Valid), "query", "kind", "missing_field" },
        { "required header parameter", Get(Valid, trace: null), Get(Valid), "header", "X-Trace", "missing_field" },
        { "enum", Get(Widgets + "?kind=oval"), Get(Widgets + "?kind=square"), "query", "kind", "invalid" },
        { "integer type", Get(Valid + "&limit=ten"), Get(Valid + "&limit=10"), "query", "limit", "invalid" },
        { "maximum", Get(Valid + "&limit=51"), Get(Valid + "&limit=50"), "query", "limit", "invalid" },
        { "minimum", Get(Valid + "&limit=0"), Get(Valid + "&limit=1"), "query", "limit", "invalid" },
        { "exclusive minimum", Get(Valid + "&weight=0"), Get(Valid + "&weight=0.5"), "query", "weight", "invalid" },
        { "number type", Get(Valid + "&weight=heavy"), Get(Valid + "&weight=2e3"), "query", "weight", "invalid" },
        { "boolean type", Get(Valid + "&shiny=maybe"), Get(Valid + "&shiny=false"), "query", "shiny", "invalid" },
        { "min length", Get(Valid + "&name=a"), Get(Valid + "&name=ab"), "query", "name", "invalid" },
        { "max length", Get(Valid + "&name=abcdefghijk"), Get(Valid + "&name=abcdefghij"), "query", "name", "invalid" },
        { "pattern", Get(Valid + "&name=Ab"), Get(Valid + "&name=ab"), "query", "name", "invalid" },
        { "header pattern", Get(Valid, trace: "0123ABCD"), Get(Valid, trace: "0123abcd"), "header", "X-Trace", "invalid" },
        { "date-time format", Get(Valid + "&since=yesterday"), Get(Valid + "&since=2024-05-01T10:00:00Z"), "query", "since", "invalid" },
        { "array items", Get(Valid + "&ids=1&ids=two"), Get(Valid + "&ids=1&ids=2"), "query", "ids", "invalid" },
        { "array max items", Get(Valid + "&ids=1&ids=2&ids=3&ids=4"), Get(Valid + "&ids=1&ids=2&ids=3"), "query", "ids", "invalid" },
        { "path integer type", Get(Widgets + "/seven"), Get(Widgets + "/7"), "path", "widget_id", "invalid" },
        { "path minimum", Get(Widgets + "/0"), Get(Widgets + "/1"), "path", "widget_id", "invalid" },
        { "oneOf", Get(Widgets + "/by-ref/x-1"), Get(Widgets + "/by-ref/w-1"), "path", "ref", "invalid" },
        { "body required member", Post("""{"name":"w"}"""), Post("""{"name":"w","color":"red"}"""), "body", "color", "missing_field" },
        { "body member type", Post("""{"name":"w","color":"red","size":"big"}"""), Post("""{"name":"w","color":"red","size":3}"""), "body", "size", "invalid" },
        { "body enum", Post("""{"name":"w","color":"green"}"""), Post("""{"name":"w","color":"blue"}"""), "body", "color", "invalid" },
        { "body range", Post("""{"name":"w","color":"red","size":11}"""), Post("""{"name":"w","color":"red","size":10}"""), "body", "size", "invalid" },
        { "body min length", Post("""{"name":"","color":"red"}"""), Post("""{"name":"w","color":"red"}"""), "body", "name", "invalid" },
        { "body nested required member", Post("""{"name":"w","color":"red","dimensions":{"height":1}}"""), Post("""{"name":"w","color":"red","dimensions":{"width":1}}"""), "body", "dimensions.width", "missing_field" },
        { "body array item type", Post("""{"name":"w","color":"red","tags":["a",2]}"""), Post("""{"name":"w","color":"red","tags":["a","b"]}"""), "body", "tags[1]", "invalid" },
        { "body array max items", Post("""{"name":"w","color":"red","tags":["a","b","c","d"]}"""), Post("""{"name":"w","color":"red","tags":["a","b","c"]}"""), "body", "tags", "invalid" },
        { "body null", Post("""{"name":null,"color":"red"}"""), Post("""{"name":"w","color":"red","owner":null}"""), "body", "name", "invalid" },
        { "body format", Post("""{"name":"w","color":"red","made_at":"noon"}"""), Post("""{"name":"w","color":"red","made_at":"2024-05-01T12:00:00+02:00"}"""), "body", "made_at", "invalid" },
        { "body additional member", Post("""{"name":"w","color":"red","colour":"red"}"""), Post("""{"name":"w","color":"red"}"""), "body", "colour", "invalid" },
        { "body object type", Post("""["w"]"""), Post("""{"name":"w","color":"red"}"""), "body", "", "invalid" },
        { "required body", Post(null), Post("""{"name":"w","color":"red"}"""), "body", "", "missing_field" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_request_that_breaks_one_rule_gets_GitHubs_422_naming_it(string rule, Call broken, Call kept, string resource, string field, string code)
    {
        var simulator = new WidgetsSimulator();
        using var http = new HttpClient(simulator);

        using var refused = await http.SendAsync(broken.Message());
        using var answered = await http.SendAsync(kept.Message());

        Assert.True(HttpStatusCode.UnprocessableEntity == refused.StatusCode, rule + ": " + refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Validation Failed", body.RootElement.GetProperty("message").GetString());
        Assert.StartsWith("https://docs.github.com/", body.RootElement.GetProperty("documentation_url").GetString());
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(resource, error.GetProperty("resource").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.True(answered.IsSuccessStatusCode, rule + " (kept): " + answered.StatusCode + " " + await answered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_400_Problems_parsing_JSON()
    {
        using var http = new HttpClient(new WidgetsSimulator());

        using var response = await http.SendAsync(Post("{\"name\": \"w\",").Message());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Problems parsing JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_method_the_path_does_not_have_and_an_unknown_path_get_404_and_are_recorded_without_an_operation()
    {
        var simulator = new WidgetsSimulator();
        using var http = new HttpClient(simulator);

        using var wrongMethod = await http.PutAsync(Widgets + "/7", new StringContent("{}"));
        using var unknown = await http.GetAsync("https://api.github.com/gadgets/7");
        using var known = await http.DeleteAsync(Widgets + "/7");

        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Contains("the spec has GET, DELETE for this path, not PUT", await wrongMethod.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
        Assert.Equal(new string?[] { null, null, "widgets/delete" }, simulator.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task Several_broken_rules_are_all_named()
    {
        using var http = new HttpClient(new WidgetsSimulator());

        using var response = await http.SendAsync(Get(Widgets + "?limit=0&name=A", trace: null).Message());

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = body.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray();
        Assert.Equal(new[] { "kind", "limit", "name", "name", "X-Trace" }, fields);
    }

    [Fact]
    public async Task The_client_throws_ValidationFailedException_naming_a_per_page_beyond_the_specs_maximum()
    {
        var client = new ActionsClient(new HttpClient(new ActionsSimulator()));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world", perPage: 101));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("Validation Failed", error.ApiMessage);
        var entry = Assert.Single(error.Errors);
        Assert.Equal(("query", "per_page", "invalid"), (entry.Resource, entry.Field, entry.Code));
        Assert.Contains("maximum 100", entry.Message);
        Assert.NotEmpty((await client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world", perPage: 100)).WorkflowRuns);
    }

    [Fact]
    public async Task The_client_throws_ValidationFailedException_naming_an_enum_value_the_spec_does_not_list()
    {
        var client = new ActionsClient(new HttpClient(new ActionsSimulator()));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world", status: "finished"));

        var entry = Assert.Single(error.Errors);
        Assert.Equal(("query", "status", "invalid"), (entry.Resource, entry.Field, entry.Code));
        Assert.Contains("'finished'", entry.Message);
    }

    [Fact]
    public async Task The_client_throws_ValidationFailedException_naming_a_body_member_the_spec_requires()
    {
        var client = new ActionsClient(new HttpClient(new ActionsSimulator()));

        // The model cannot leave out `state` (required), but it can leave out `environment_name`'s value: null.
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => client.WorkflowRuns.ReviewCustomGatesForRunAsync(
            "octo-org", "hello-world", 1, new ReviewCustomGatesRequest { EnvironmentName = null!, State = "maybe" }));

        Assert.Equal(
            new[] { ("body", "environment_name", "invalid"), ("body", "state", "invalid") },
            error.Errors.Select(e => (e.Resource!, e.Field!, e.Code!)).OrderBy(e => e.Item2));
    }

    private static Call Get(string url, string? trace = Trace) => new(HttpMethod.Get, url, null, trace);

    private static Call Post(string? body) => new(HttpMethod.Post, Widgets, body, null);

    /// <summary>A request to send (a fresh message each time).</summary>
    public sealed record Call(HttpMethod Method, string Url, string? Body, string? Trace)
    {
        public HttpRequestMessage Message()
        {
            var message = new HttpRequestMessage(Method, Url);
            if (Trace is not null)
            {
                message.Headers.Add("X-Trace", Trace);
            }

            if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return message;
        }

        public override string ToString() => Method + " " + Url + (Body is null ? string.Empty : " " + Body);
    }
}
