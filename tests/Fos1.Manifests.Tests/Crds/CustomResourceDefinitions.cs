using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>One CRD file read twice: as KubernetesClient's model, and as JSON for the schema checks.</summary>
internal sealed record CustomResourceDefinitionFile(string FileName, V1CustomResourceDefinition Model, JsonObject Json)
{
    public V1CustomResourceDefinitionVersion Version => Model.Spec.Versions.Single();

    public JsonObject Schema => (JsonObject)Json["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    public string ApiVersion => Model.Spec.Group + "/" + Version.Name;

    public string Kind => Model.Spec.Names.Kind;
}

internal static class CustomResourceDefinitions
{
    private static readonly Lazy<IReadOnlyList<CustomResourceDefinitionFile>> Files = new(Load);

    public static IReadOnlyList<CustomResourceDefinitionFile> All => Files.Value;

    public static CustomResourceDefinitionFile ForKind(string apiVersion, string kind) =>
        All.SingleOrDefault(d => d.ApiVersion == apiVersion && d.Kind == kind)
        ?? throw new InvalidOperationException($"no CRD in manifests/crds for {apiVersion} {kind}");

    public static CustomResourceDefinitionFile ForFile(string fileName) => All.Single(d => d.FileName == fileName);

    private static List<CustomResourceDefinitionFile> Load() =>
        ManifestFolder.CrdFiles.Select(path =>
        {
            var text = File.ReadAllText(path);
            return new CustomResourceDefinitionFile(
                Path.GetFileName(path),
                KubernetesYaml.Deserialize<V1CustomResourceDefinition>(text, strict: true),
                (JsonObject)YamlTree.ParseSingle(text));
        }).ToList();
}
