using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// The two patch formats the client sends as <c>V1Patch</c>: JSON merge patch (RFC 7386; strategic merge patch is
/// served the same way, which is exact for the CRs we serve since CRs have no patch strategies) and JSON patch (RFC 6902).
/// </summary>
internal static class JsonPatches
{
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Merge(result[key], value);
            }
        }

        return result;
    }

    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        var document = new JsonObject { ["root"] = target.DeepClone() };
        foreach (var operation in operations)
        {
            var op = operation?["op"]?.GetValue<string>() ?? throw Invalid("an operation has no \"op\"");
            var path = operation["path"]?.GetValue<string>() ?? throw Invalid($"{op} has no \"path\"");
            switch (op)
            {
                case "add":
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(document, From(operation));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Find(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Find(document, path), operation["value"]))
                    {
                        throw Invalid($"the test at {path} failed");
                    }

                    break;
                default:
                    throw Invalid($"unknown operation \"{op}\"");
            }
        }

        return document["root"] ?? throw Invalid("the patch removed the whole object");
    }

    private static string From(JsonNode operation) =>
        operation["from"]?.GetValue<string>() ?? throw Invalid("move/copy has no \"from\"");

    private static JsonNode? Find(JsonObject document, string path)
    {
        var (parent, last) = Parent(document, path);
        return parent switch
        {
            JsonObject o when o.ContainsKey(last) => o[last],
            JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count => a[i],
            _ => throw Invalid($"no value at {path}"),
        };
    }

    private static void Add(JsonObject document, string path, JsonNode? value)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Invalid($"cannot add at {path}");
        }
    }

    private static JsonNode? Remove(JsonObject document, string path)
    {
        var (parent, last) = Parent(document, path);
        var value = Find(document, path);
        if (parent is JsonObject o)
        {
            o.Remove(last);
        }
        else if (parent is JsonArray a)
        {
            a.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        }

        return value;
    }

    // The document is wrapped in {"root": ...} so that the pointer "" (the whole object) has a parent too.
    private static (JsonNode Parent, string Last) Parent(JsonObject document, string path)
    {
        if (path.Length > 0 && path[0] != '/')
        {
            throw Invalid($"\"{path}\" is not a JSON pointer");
        }

        var tokens = ("/root" + path).Split('/')[1..]
            .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToArray();
        JsonNode node = document;
        foreach (var token in tokens[..^1])
        {
            node = node switch
            {
                JsonObject o when o[token] is { } child => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count && a[i] is { } item => item,
                _ => throw Invalid($"no value at {path}"),
            };
        }

        return (node, tokens[^1]);
    }

    private static ApiFailure Invalid(string message) => new(ApiStatus.Invalid($"the JSON patch is invalid: {message}"));
}
