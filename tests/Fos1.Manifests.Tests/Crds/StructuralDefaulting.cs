using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// What the API server does before validating: drop nulls of non-nullable fields, fill absent
/// properties from the schema's <c>default</c>, then descend, so a defaulted <c>{}</c> gets its
/// own nested defaults too.
/// </summary>
internal static class StructuralDefaulting
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, propertyNode) in properties)
                {
                    var property = (JsonObject)propertyNode!;
                    if (obj.TryGetPropertyValue(name, out var value) && value is null && property["nullable"]?.GetValue<bool>() != true)
                    {
                        obj.Remove(name);
                    }

                    if (!obj.ContainsKey(name) && property["default"] is { } fallback)
                    {
                        obj[name] = fallback.DeepClone();
                    }

                    if (obj[name] is { } present)
                    {
                        Apply(present, property);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }
}
