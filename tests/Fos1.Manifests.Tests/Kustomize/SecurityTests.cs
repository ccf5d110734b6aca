using System.Text.RegularExpressions;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>Pinned images, no root where none is needed, no capabilities beyond DHCP's, bounded resources.</summary>
public sealed partial class SecurityTests
{
    // Stock Kea daemons: raw sockets and ports 67/547 need capabilities, which Kubernetes only grants to
    // root (no ambient capabilities); they keep nothing else (docs/deploy.md).
    private static readonly Dictionary<string, string[]> RootWithCapabilities = new(StringComparer.Ordinal)
    {
        ["kea-dhcp4"] = ["NET_BIND_SERVICE", "NET_RAW"],
        ["kea-dhcp6"] = ["NET_BIND_SERVICE"],
    };

    public static TheoryData<string> Paths => Kustomization.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_image_is_pinned_to_a_version_tag_or_a_digest(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        var unpinned = Containers(rendered).Where(c => !PinnedImage().IsMatch(c.Container.Image)).Select(c => $"{c.Where}: {c.Container.Image}").ToList();

        Assert.Empty(unpinned);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Fos1_images_carry_the_release_tag(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        Assert.All(Containers(rendered).Where(c => c.Container.Image.StartsWith("ghcr.io/fos1/", StringComparison.Ordinal)),
            c => Assert.EndsWith(":0.1.0", c.Container.Image, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Only_the_kea_daemons_run_as_root_and_every_sidecar_runs_as_a_non_root_user(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        foreach (var (where, container, pod) in Containers(rendered))
        {
            var user = container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser;
            var nonRoot = container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot;
            if (RootWithCapabilities.ContainsKey(container.Name))
            {
                Assert.True(user == 0, $"{where} is expected to run as root (capabilities), runs as {user}");
                continue;
            }

            Assert.True(nonRoot == true, $"{where}: runAsNonRoot is not true");
            Assert.True(user is > 0, $"{where}: runAsUser is {user?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset (the image decides)"}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_container_drops_all_capabilities_cannot_escalate_and_has_a_read_only_root(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        Assert.All(Containers(rendered), c =>
        {
            var security = c.Container.SecurityContext;
            Assert.True(security is not null, $"{c.Where} has no securityContext");
            Assert.True(security.ReadOnlyRootFilesystem == true, $"{c.Where}: readOnlyRootFilesystem");
            Assert.True(security.AllowPrivilegeEscalation == false, $"{c.Where}: allowPrivilegeEscalation");
            Assert.True(security.Privileged != true, $"{c.Where}: privileged");
            Assert.Equal(["ALL"], security.Capabilities?.Drop ?? []);
            var expectedAdd = RootWithCapabilities.GetValueOrDefault(c.Container.Name) ?? [];
            Assert.Equal(expectedAdd, (security.Capabilities?.Add ?? []).Order(StringComparer.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_container_has_cpu_and_memory_requests_and_limits(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        Assert.All(Containers(rendered), c =>
        {
            foreach (var resources in new[] { c.Container.Resources?.Requests, c.Container.Resources?.Limits })
            {
                Assert.True(resources is not null && resources.ContainsKey("cpu") && resources.ContainsKey("memory"), $"{c.Where} lacks cpu/memory requests or limits");
            }
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_pod_uses_the_runtime_default_seccomp_profile(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        Assert.All(rendered.Workloads(), w => Assert.True(w.Spec.SecurityContext?.SeccompProfile?.Type == "RuntimeDefault", $"{w}: seccompProfile"));
    }

    internal static IEnumerable<(string Where, V1Container Container, V1PodSpec Pod)> Containers(RenderedObjects rendered) =>
        rendered.Workloads().SelectMany(w => w.Containers.Select(c => ($"{w}/{c.Name}", c, w.Spec)));

    // name[:port]/path:tag (not latest) or @sha256:digest.
    [GeneratedRegex(@"^[a-z0-9.\-/:]+?(:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();
}
