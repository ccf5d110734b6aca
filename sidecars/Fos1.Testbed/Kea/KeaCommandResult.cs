using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// A Kea control channel reply: <see cref="Result"/> 0 success, 1 error, 2 unsupported, 3 empty (nothing found).
/// </summary>
public sealed record KeaCommandResult(int Result, string? Text, JsonNode? Arguments, string RawJson)
{
    public const int Success = 0;
    public const int Empty = 3;

    internal static KeaCommandResult Parse(string json)
    {
        var node = JsonNode.Parse(json);
        // Kea's HTTP agent answers a list; the unix socket answers a single object.
        var reply = node is JsonArray array ? array[0] : node;
        if (reply is not JsonObject result || result["result"] is not JsonValue code)
        {
            throw new FormatException("Not a Kea command reply: " + json);
        }

        return new KeaCommandResult(code.GetValue<int>(), (string?)result["text"], result["arguments"], json);
    }
}
