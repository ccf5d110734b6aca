using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>A resource after the check: the CRD it met, the defaulted object, and why it was refused.</summary>
internal sealed record CheckedResource(CustomResourceDefinitionFile Definition, JsonNode Defaulted, IReadOnlyList<SchemaViolation> Violations)
{
    public string Report => string.Join(Environment.NewLine, Violations);
}
