using System.Text.Json;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// One line of a watch stream: its type and its object, still JSON (the object of an ERROR event is a
/// <c>Status</c>, whose <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> are read out here).
/// </summary>
public sealed record WatchEvent(WatchEventType Type, JsonElement Object)
{
    /// <summary>The Status code of an ERROR event (410 when the resourceVersion is too old), else null.</summary>
    public int? ErrorCode =>
        Type == WatchEventType.Error && Object.ValueKind == JsonValueKind.Object
        && Object.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var value)
            ? value
            : null;

    /// <summary>The Status message of an ERROR event, else null.</summary>
    public string? ErrorMessage =>
        Type == WatchEventType.Error && Object.ValueKind == JsonValueKind.Object
        && Object.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()
            : null;
}
