using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cel;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// Evaluates every <c>x-kubernetes-validations</c> rule where its schema node is present, with
/// <c>self</c> bound to that node, as the API server does after schema validation and defaulting.
/// </summary>
internal sealed class CelRuleCheck
{
    private readonly CelEnvironment environment = KubernetesCelLibrary.CreateEnvironment();
    private readonly Dictionary<string, CelProgramDelegate> programs = new(StringComparer.Ordinal);

    public IReadOnlyList<SchemaViolation> Check(JsonNode? node, JsonObject schema, string path = "")
    {
        var violations = new List<SchemaViolation>();
        Visit(node, schema, path, violations);
        return violations;
    }

    public CelProgramDelegate Compile(string rule)
    {
        if (!programs.TryGetValue(rule, out var program))
        {
            program = environment.Compile(rule);
            programs[rule] = program;
        }

        return program;
    }

    private void Visit(JsonNode? node, JsonObject schema, string path, List<SchemaViolation> violations)
    {
        if (node is null)
        {
            return;
        }

        foreach (var ruleNode in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            var rule = ruleNode!["rule"]!.GetValue<string>();
            var message = ruleNode["message"]?.GetValue<string>() ?? "failed rule: " + rule;
            try
            {
                var result = Compile(rule)(new Dictionary<string, object?> { ["self"] = ToCel(node) });
                if (result is not true)
                {
                    violations.Add(new(path, message));
                }
            }
            catch (CelException ex)
            {
                violations.Add(new(path, $"{message} (rule error: {ex.Message})"));
            }
            catch (FormatException ex)
            {
                violations.Add(new(path, $"{message} (rule error: {ex.Message})"));
            }
        }

        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj)
                {
                    if (properties[name] is JsonObject propertySchema)
                    {
                        Visit(value, propertySchema, FieldPath.Property(path, name), violations);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], items, FieldPath.Item(path, i), violations);
                }

                break;
        }
    }

    /// <summary>CEL values: maps, lists, strings, bools, int64, double; nulls are absent fields.</summary>
    public static object? ToCel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => ToCel(kv.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToCel).ToArray(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => long.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var l) ? l : OpenApiSchemaCheck.Number(node),
            var kind => throw new NotSupportedException($"JSON {kind}"),
        },
    };
}
