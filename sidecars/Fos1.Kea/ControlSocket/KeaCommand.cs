using System.Text.Json.Nodes;

namespace Fos1.Kea.ControlSocket;

/// <summary>One Kea control command, e.g. <c>lease4-get-page</c> with its arguments.</summary>
public sealed record KeaCommand(string Name, JsonObject? Arguments = null)
{
    /// <summary>The JSON Kea expects; <paramref name="services"/> is the Control Agent's routing list (absent on a daemon's own socket).</summary>
    public byte[] ToUtf8Json(IReadOnlyList<string>? services = null)
    {
        var request = new JsonObject { ["command"] = Name };
        if (services is { Count: > 0 })
        {
            request["service"] = new JsonArray([.. services.Select(service => (JsonNode)JsonValue.Create(service))]);
        }

        if (Arguments is not null)
        {
            request["arguments"] = Arguments.DeepClone();
        }

        return System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
    }
}
