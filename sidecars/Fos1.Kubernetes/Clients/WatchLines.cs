using System.Text.Json;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// Reads one line of a watch stream (<c>{"type":"ADDED","object":{...}}</c>, one JSON document per line): pure, no
/// sockets, so every shape the API server sends can be tested exactly.
/// </summary>
public static class WatchLines
{
    /// <summary>The event on <paramref name="line"/>; a line that is not a watch event throws <see cref="FormatException"/> naming why.</summary>
    public static WatchEvent Parse(ReadOnlySpan<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"A watch line is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A watch line is a JSON {root.ValueKind}, not an object.");
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("A watch line has no \"type\" string.");
            }

            if (!root.TryGetProperty("object", out var item) || item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A {type.GetString()} watch line has no \"object\".");
            }

            return new WatchEvent(TypeOf(type.GetString()!), item.Clone());
        }
    }

    private static WatchEventType TypeOf(string type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        "ERROR" => WatchEventType.Error,
        _ => throw new FormatException($"A watch line has the unknown type \"{type}\"."),
    };
}
