using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fos1.Kea.ControlSocket;

/// <summary>Reads Kea's reply bytes: an object from a daemon's socket, a one-element array from the Control Agent.</summary>
public static class KeaReply
{
    /// <summary>As <see cref="Parse(ReadOnlySpan{byte}, string, string)"/>, keeping the bytes in <see cref="KeaCommandResponse.Utf8Json"/>.</summary>
    public static KeaCommandResponse Parse(byte[] utf8Json, string endpoint, string command) =>
        Parse(utf8Json.AsSpan(), endpoint, command) with { Utf8Json = utf8Json };

    public static KeaCommandResponse Parse(ReadOnlySpan<byte> utf8Json, string endpoint, string command)
    {
        // Invalid UTF-8 inside strings and duplicate keys pass JsonNode.Parse and throw later, at the first read
        // of the value or the object (found by KeaReplyFuzzTests): refuse both here, as malformed.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw Malformed(endpoint, command, $"is not valid UTF-8; first bytes: {Preview(utf8Json)}");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw Malformed(endpoint, command, $"is not JSON ({e.Message}); first bytes: {Preview(utf8Json)}", e);
        }

        if (node is JsonArray array)
        {
            if (array.Count == 0)
            {
                throw Malformed(endpoint, command, "is an empty list (the Control Agent routes to no service?)");
            }

            node = array[0];
        }

        if (node is not JsonObject reply)
        {
            throw Malformed(endpoint, command, $"is a JSON {node?.GetValueKind().ToString() ?? "null"}, not an object");
        }

        if (reply["result"] is not JsonValue resultValue || !resultValue.TryGetValue<int>(out var result))
        {
            throw Malformed(endpoint, command, "has no integer \"result\"");
        }

        string? text = null;
        if (reply["text"] is JsonValue textValue && !textValue.TryGetValue(out text))
        {
            throw Malformed(endpoint, command, "has a \"text\" that is not a string");
        }

        var arguments = reply["arguments"];
        if (arguments is not null and not JsonObject)
        {
            throw Malformed(endpoint, command, "has \"arguments\" that are not an object");
        }

        return new KeaCommandResponse(result, text, (JsonObject?)arguments);
    }

    private static KeaControlException Malformed(string endpoint, string command, string problem, Exception? inner = null) =>
        new(KeaControlFailure.MalformedReply, $"Kea's reply to '{command}' from {endpoint} {problem}", inner);

    private static string Preview(ReadOnlySpan<byte> bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 80)]);
}
