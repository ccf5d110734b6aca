using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>Every node of a schema with its field path ("spec.subnets[].pools").</summary>
internal static class SchemaWalk
{
    public static IEnumerable<(string Path, JsonObject Schema)> Nodes(JsonObject schema, string path = "")
    {
        yield return (path, schema);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                foreach (var node in Nodes((JsonObject)child!, FieldPath.Property(path, name)))
                {
                    yield return node;
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            foreach (var node in Nodes(items, path + "[]"))
            {
                yield return node;
            }
        }
    }

    /// <summary>The schema a printer column's JSONPath lands on, or null when it leaves the schema.</summary>
    public static JsonObject? Resolve(JsonObject root, string jsonPath)
    {
        var normalized = System.Text.RegularExpressions.Regex.Replace(jsonPath, @"\[[^\]]*\]", "[]");
        var current = root;
        foreach (var segment in normalized.TrimStart('.').Split('.'))
        {
            var name = segment.TrimEnd('[', ']');
            if (current["properties"]?[name] is not JsonObject next)
            {
                return null;
            }

            current = next;
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                if (current["items"] is not JsonObject items)
                {
                    return null;
                }

                current = items;
            }
        }

        return current;
    }
}
