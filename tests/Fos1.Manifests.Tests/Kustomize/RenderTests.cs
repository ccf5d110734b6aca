using Fos1.Manifests.Tests.Crds;
using k8s;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>Every kustomization renders with the kubectl users run, and every object in it is a well-formed Kubernetes object.</summary>
public sealed class RenderTests
{
    public static TheoryData<string> Paths => Kustomization.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Kubectl_kustomize_renders_the_kustomization_without_error(string path)
    {
        var yaml = await KustomizeBuild.RenderAsync(new Kustomization(path));

        Assert.Contains("kind: Namespace", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_rendered_object_reads_strictly_into_its_KubernetesClient_model(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        Assert.NotEmpty(rendered.All);
        Assert.All(rendered.All, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Kind), $"{o.GetType().Name} has no kind");
            var model = o.GetType().Namespace ?? "";
            Assert.True(model == "k8s.Models" || model.StartsWith("Fos1.Crds", StringComparison.Ordinal), $"{o.Kind} read into {o.GetType().FullName}");
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_CRD_of_manifests_crds_is_part_of_the_kustomization(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var expected = ManifestFolder.CrdFiles
            .Select(f => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(f)).Metadata.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, rendered.Names<V1CustomResourceDefinition>().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_namespaced_object_lands_in_the_fos1_namespace_the_examples_use(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var clusterScoped = new HashSet<string>(["Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"], StringComparer.Ordinal);

        var stray = rendered.All.OfType<IMetadata<V1ObjectMeta>>()
            .Where(o => !clusterScoped.Contains(((IKubernetesObject)o).Kind) && o.Metadata.NamespaceProperty != "fos1")
            .Select(o => $"{((IKubernetesObject)o).Kind}/{o.Metadata.Name} in '{o.Metadata.NamespaceProperty}'")
            .ToList();

        Assert.Empty(stray);
        Assert.Equal(["fos1"], rendered.Names<V1Namespace>());
    }
}
