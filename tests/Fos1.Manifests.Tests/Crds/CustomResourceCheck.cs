using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// What creating a custom resource would meet at the API server, minus the server: pick the CRD by
/// apiVersion and kind, drop nulls and apply defaults, check the OpenAPI schema, then the CEL rules.
/// </summary>
internal static class CustomResourceCheck
{
    public static CheckedResource Check(JsonNode resource)
    {
        var apiVersion = resource["apiVersion"]?.GetValue<string>() ?? "";
        var kind = resource["kind"]?.GetValue<string>() ?? "";
        var definition = CustomResourceDefinitions.ForKind(apiVersion, kind);
        var defaulted = resource.DeepClone();
        StructuralDefaulting.Apply(defaulted, definition.Schema);
        var violations = OpenApiSchemaCheck.Check(defaulted, definition.Schema).ToList();
        if (violations.Count == 0)
        {
            // Like the API server, CEL only sees objects that passed the schema.
            violations.AddRange(new CelRuleCheck().Check(defaulted, definition.Schema));
        }

        return new CheckedResource(definition, defaulted, violations);
    }

    public static CheckedResource Check(string yaml) => Check(YamlTree.ParseSingle(yaml));
}
