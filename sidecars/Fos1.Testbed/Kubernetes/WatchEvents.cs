using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>The watch wire format: one JSON object per line, <c>{"type":"ADDED","object":{...}}</c>.</summary>
internal static class WatchEvents
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";

    public static string Line(string type, JsonObject resource) =>
        $"{{\"type\":{JsonSerializer.Serialize(type)},\"object\":{resource.ToJsonString()}}}";

    public static string BookmarkLine(ServedKind served, long resourceVersion) => Line(Bookmark, new JsonObject
    {
        ["kind"] = served.Kind.Kind,
        ["apiVersion"] = served.Kind.ApiVersion,
        ["metadata"] = new JsonObject
        {
            ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    });

    public static string ErrorLine(ApiStatus status) => Line(Error, status.ToJson());
}
