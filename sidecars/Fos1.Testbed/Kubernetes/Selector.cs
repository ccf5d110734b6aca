using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// The equality subset of label and field selectors (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>);
/// field selectors know <c>metadata.name</c> and <c>metadata.namespace</c>, which is what watches of one object use.
/// </summary>
internal sealed class Selector
{
    private readonly List<Func<JsonObject, bool>> requirements = [];

    public static Selector Everything { get; } = new();

    public static Selector Parse(string? labelSelector, string? fieldSelector)
    {
        var selector = new Selector();
        foreach (var term in Terms(labelSelector))
        {
            selector.requirements.Add(Requirement(term, (o, key) => Label(o, key)));
        }

        foreach (var term in Terms(fieldSelector))
        {
            var key = term.TrimStart('!').Split('!', '=')[0].Trim();
            if (key is not ("metadata.name" or "metadata.namespace"))
            {
                throw new ApiFailure(ApiStatus.BadRequest($"field label not supported: {key}"));
            }

            selector.requirements.Add(Requirement(term, Field));
        }

        return selector;
    }

    public bool Matches(JsonObject resource) => requirements.TrueForAll(r => r(resource));

    private static string[] Terms(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Func<JsonObject, bool> Requirement(string term, Func<JsonObject, string, string?> value)
    {
        var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            var (key, expected) = (term[..notEqual].Trim(), term[(notEqual + 2)..].Trim());
            return o => value(o, key) != expected;
        }

        var equal = term.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            var key = term[..equal].Trim();
            var expected = term[(equal + 1)..].TrimStart('=').Trim();
            return o => value(o, key) == expected;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return o => value(o, key) is null;
        }

        return o => value(o, term) is not null;
    }

    private static string? Label(JsonObject resource, string key) =>
        resource["metadata"]?["labels"]?[key]?.GetValue<string>();

    private static string? Field(JsonObject resource, string key) => key switch
    {
        "metadata.name" => resource["metadata"]?["name"]?.GetValue<string>(),
        "metadata.namespace" => resource["metadata"]?["namespace"]?.GetValue<string>() ?? "",
        _ => null,
    };
}
