using System.Globalization;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime.Tests;

/// <summary>How generated code's requests turn into URLs: invariant formatting whatever the current culture.</summary>
public class ApiRequestTests
{
    [Fact]
    public void Query_values_are_formatted_invariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var request = new ApiRequest(HttpMethod.Get, "test")
                .Literal("/repos/")
                .Segment("id", 1234567)
                .Query("a", 1.5)
                .Query("b", true)
                .Query("c", new DateTimeOffset(2026, 11, 26, 7, 5, 0, TimeSpan.Zero))
                .Query("d", new DateTimeOffset(2026, 11, 26, 7, 5, 0, TimeSpan.FromHours(-8)))
                .Query("e", 9876543210L)
                .Query("f", (string?)null);

            Assert.Equal("repos/1234567?a=1.5&b=true&c=2026-11-26T07%3A05%3A00Z&d=2026-11-26T07%3A05%3A00-08%3A00&e=9876543210", request.RelativeUri);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Non_ascii_and_reserved_characters_are_percent_encoded()
    {
        var request = new ApiRequest(HttpMethod.Get, "test").Literal("/x/").Segment("name", "café & co").Query("q", "a+b=c&d");

        Assert.Equal("x/caf%C3%A9%20%26%20co?q=a%2Bb%3Dc%26d", request.RelativeUri);
    }

    [Fact]
    public void Path_values_are_spelled_as_query_values_are()
    {
        var time = new DateTimeOffset(2026, 11, 26, 7, 5, 0, TimeSpan.FromHours(-8));
        var path = new ApiRequest(HttpMethod.Get, "test").Literal("/").Segment("a", true).Literal("/").Segment("b", 1.5).Literal("/").Segment("c", time).Literal("/").Segment("d", -7L);
        var query = new ApiRequest(HttpMethod.Get, "test").Literal("/").Query("a", true).Query("b", 1.5).Query("c", time).Query("d", -7L);

        Assert.Equal("true/1.5/2026-11-26T07%3A05%3A00-08%3A00/-7", path.RelativeUri);
        Assert.Equal("?a=true&b=1.5&c=2026-11-26T07%3A05%3A00-08%3A00&d=-7", query.RelativeUri);
    }
}
