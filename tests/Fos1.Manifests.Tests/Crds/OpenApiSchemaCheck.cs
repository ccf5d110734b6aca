using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// The subset of OpenAPI v3 our CRDs use, checked the way the API server checks a custom resource
/// (unknown fields are refused, as kubectl's default strict field validation does). A schema keyword
/// outside the subset throws, so the check never silently gets weaker than the CRD.
/// </summary>
internal static class OpenApiSchemaCheck
{
    private static readonly HashSet<string> KnownKeywords =
    [
        "type", "description", "properties", "required", "items", "enum", "pattern", "format",
        "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "default", "nullable",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    ];

    public static IReadOnlyList<SchemaViolation> Check(JsonNode? node, JsonObject schema, string path = "")
    {
        var violations = new List<SchemaViolation>();
        Visit(node, schema, path, violations);
        return violations;
    }

    private static void Visit(JsonNode? node, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        foreach (var (keyword, _) in schema)
        {
            if (!KnownKeywords.Contains(keyword))
            {
                throw new NotSupportedException($"schema keyword '{keyword}' at {path} is outside the checked subset");
            }
        }

        if (node is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true)
            {
                violations.Add(new(path, "must not be null"));
            }

            return;
        }

        var type = schema["type"]?.GetValue<string>() ?? throw new NotSupportedException($"schema at {path} has no type");
        if (!HasType(node, type))
        {
            violations.Add(new(path, $"must be of type {type}, got {Describe(node)}"));
            return;
        }

        CheckEnum(node, schema, path, violations);
        switch (type)
        {
            case "object":
                CheckObject((JsonObject)node, schema, path, violations);
                break;
            case "array":
                CheckArray((JsonArray)node, schema, path, violations);
                break;
            case "string":
                CheckString(node.GetValue<string>(), schema, path, violations);
                break;
            case "integer" or "number":
                CheckNumber(Number(node), schema, path, violations);
                break;
        }
    }

    private static void CheckObject(JsonObject obj, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        var properties = schema["properties"] as JsonObject;
        if (properties is null && path == "metadata")
        {
            // The API server validates ObjectMeta itself; the CRD schema only says "object".
            return;
        }

        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (!obj.ContainsKey(name))
            {
                violations.Add(new(FieldPath.Property(path, name), "Required value"));
            }
        }

        foreach (var (name, value) in obj)
        {
            var childPath = FieldPath.Property(path, name);
            if (properties?[name] is JsonObject propertySchema)
            {
                Visit(value, propertySchema, childPath, violations);
            }
            else
            {
                violations.Add(new(childPath, "unknown field"));
            }
        }
    }

    private static void CheckArray(JsonArray array, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        if (schema["minItems"] is { } min && array.Count < Number(min))
        {
            violations.Add(new(path, $"must have at least {min} items"));
        }

        if (schema["maxItems"] is { } max && array.Count > Number(max))
        {
            violations.Add(new(path, $"must have at most {max} items"));
        }

        var items = schema["items"] as JsonObject ?? throw new NotSupportedException($"array schema at {path} has no items");
        for (var i = 0; i < array.Count; i++)
        {
            Visit(array[i], items, FieldPath.Item(path, i), violations);
        }

        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>() ?? "atomic";
        var keys = listType switch
        {
            "set" => array.Select(item => item?.ToJsonString() ?? "null").ToList(),
            "map" => array.Select(item => string.Join("|", schema["x-kubernetes-list-map-keys"]!.AsArray()
                .Select(k => item?[k!.GetValue<string>()]?.ToJsonString() ?? "null"))).ToList(),
            _ => null,
        };
        if (keys is null)
        {
            return;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (keys.IndexOf(keys[i]) != i)
            {
                violations.Add(new(FieldPath.Item(path, i), $"Duplicate value: {keys[i]}"));
            }
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        var length = text.EnumerateRunes().Count();
        if (schema["minLength"] is { } min && length < Number(min))
        {
            violations.Add(new(path, $"must be at least {min} characters long"));
        }

        if (schema["maxLength"] is { } max && length > Number(max))
        {
            violations.Add(new(path, $"must be at most {max} characters long"));
        }

        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.CultureInvariant))
        {
            violations.Add(new(path, $"'{text}' does not match pattern {pattern}"));
        }

        if (schema["format"] is { } format && !StringFormats.Matches(format.GetValue<string>(), text))
        {
            violations.Add(new(path, $"'{text}' is not a valid {format}"));
        }
    }

    private static void CheckNumber(double value, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        if (schema["minimum"] is { } min && value < Number(min))
        {
            violations.Add(new(path, $"must be greater than or equal to {min}"));
        }

        if (schema["maximum"] is { } max && value > Number(max))
        {
            violations.Add(new(path, $"must be less than or equal to {max}"));
        }
    }

    private static void CheckEnum(JsonNode node, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            violations.Add(new(path, $"Unsupported value: {node.ToJsonString()}: supported values: {string.Join(", ", allowed.Select(a => a!.ToJsonString()))}"));
        }
    }

    private static bool HasType(JsonNode node, string type) => (type, node.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => IsIntegral(node),
        _ => false,
    };

    private static bool IsIntegral(JsonNode node) =>
        long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Describe(JsonNode node) => node.GetValueKind().ToString().ToLowerInvariant();
}
