using Fos1.Manifests.Tests.Crds;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>One kustomization users apply (<c>kubectl apply -k manifests/PATH</c>).</summary>
internal sealed record Kustomization(string Path)
{
    public static IReadOnlyList<Kustomization> All { get; } =
    [
        new("base/dns"),
        new("base/dhcp"),
        new("overlays/homelab/dns"),
        new("overlays/homelab/dhcp"),
        new("overlays/ha/dns"),
        new("overlays/ha/dhcp"),
    ];

    public static TheoryData<string> Paths => new(All.Select(k => k.Path));

    public string Directory => System.IO.Path.Combine(ManifestFolder.Root, "manifests", Path);

    public bool IsDns => Path.EndsWith("dns", StringComparison.Ordinal);

    public override string ToString() => Path;
}
