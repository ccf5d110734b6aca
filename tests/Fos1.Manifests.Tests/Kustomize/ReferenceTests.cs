using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>Names that point at other things point at things the same render creates (generated names included).</summary>
public sealed class ReferenceTests
{
    public static TheoryData<string> Paths => Kustomization.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_volume_mount_names_a_volume_or_claim_template_of_its_pod(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        var dangling = rendered.Workloads().SelectMany(w =>
        {
            var volumes = (w.Spec.Volumes ?? []).Select(v => v.Name).Concat(w.ClaimTemplates.Select(c => c.Metadata.Name)).ToHashSet(StringComparer.Ordinal);
            return w.Containers.SelectMany(c => (c.VolumeMounts ?? []).Where(m => !volumes.Contains(m.Name)).Select(m => $"{w}/{c.Name}: {m.Name}"));
        }).ToList();

        Assert.Empty(dangling);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_volume_has_exactly_one_source_after_the_patches(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        var wrong = rendered.Workloads().SelectMany(w => (w.Spec.Volumes ?? [])
            .Select(v => (Volume: $"{w}/{v.Name}", Sources: new object?[] { v.EmptyDir, v.ConfigMap, v.Secret, v.PersistentVolumeClaim, v.HostPath, v.Projected }.Count(s => s is not null)))
            .Where(v => v.Sources != 1)
            .Select(v => $"{v.Volume}: {v.Sources} sources"))
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ConfigMap_Secret_and_claim_volumes_name_objects_of_the_render(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var configMaps = rendered.Names<V1ConfigMap>().ToHashSet(StringComparer.Ordinal);
        var secrets = rendered.Names<V1Secret>().ToHashSet(StringComparer.Ordinal);
        var claims = rendered.Names<V1PersistentVolumeClaim>().ToHashSet(StringComparer.Ordinal);

        var dangling = rendered.Workloads().SelectMany(w => (w.Spec.Volumes ?? []).Select(v => v switch
        {
            { ConfigMap.Name: var name } when !configMaps.Contains(name) => $"{w}: ConfigMap {name}",
            { Secret.SecretName: var name } when !secrets.Contains(name) => $"{w}: Secret {name}",
            { PersistentVolumeClaim.ClaimName: var name } when !claims.Contains(name) => $"{w}: PersistentVolumeClaim {name}",
            _ => null,
        })).OfType<string>().ToList();

        Assert.Empty(dangling);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Nothing_is_mounted_with_subPath_so_every_mounted_file_can_update(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        var subPaths = rendered.Workloads()
            .SelectMany(w => w.Containers.SelectMany(c => (c.VolumeMounts ?? []).Where(m => m.SubPath is not null || m.SubPathExpr is not null).Select(m => $"{w}/{c.Name}: {m.Name}")))
            .ToList();

        Assert.Empty(subPaths);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_probe_uses_a_port_its_container_names(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));

        var wrong = rendered.Workloads().SelectMany(w => w.Containers.SelectMany(c =>
        {
            var named = (c.Ports ?? []).Where(p => p.Name is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            return new[] { c.LivenessProbe, c.ReadinessProbe, c.StartupProbe }.OfType<V1Probe>()
                .Select(p => p.HttpGet?.Port ?? p.TcpSocket?.Port)
                .Where(port => port is null || port.Value is not { } name || !named.Contains(name))
                .Select(port => $"{w}/{c.Name}: probe port '{port?.Value}' is not one of its named ports");
        })).ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_pod_runs_under_a_service_account_of_the_render_or_mounts_no_token(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var accounts = rendered.Names<V1ServiceAccount>().ToHashSet(StringComparer.Ordinal);

        var wrong = rendered.Workloads()
            .Where(w => w.Spec.ServiceAccountName is { } name ? !accounts.Contains(name) : w.Spec.AutomountServiceAccountToken != false)
            .Select(w => $"{w}: service account '{w.Spec.ServiceAccountName}'")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_role_binding_binds_a_role_and_accounts_of_the_render(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var roles = rendered.Names<V1Role>().ToHashSet(StringComparer.Ordinal);
        var accounts = rendered.Names<V1ServiceAccount>().ToHashSet(StringComparer.Ordinal);

        var bindings = rendered.OfType<V1RoleBinding>().ToList();
        Assert.NotEmpty(bindings);
        Assert.All(bindings, b =>
        {
            Assert.Equal("Role", b.RoleRef.Kind);
            Assert.Contains(b.RoleRef.Name, roles);
            Assert.All(b.Subjects, s =>
            {
                Assert.Equal("ServiceAccount", s.Kind);
                Assert.Contains(s.Name, accounts);
                Assert.Equal("fos1", s.NamespaceProperty);
            });
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_service_selects_pods_of_the_render_and_targets_ports_they_name(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var workloads = rendered.Workloads().ToList();

        Assert.All(rendered.OfType<V1Service>(), service =>
        {
            var selected = workloads.Where(w => service.Spec.Selector.All(kv => w.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
            Assert.True(selected.Count > 0, $"Service {service.Metadata.Name} selects no pod");
            var named = selected.SelectMany(w => w.Containers).SelectMany(c => c.Ports ?? []).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(service.Spec.Ports, p => Assert.True(named.Contains(p.TargetPort.Value), $"Service {service.Metadata.Name} targets '{p.TargetPort.Value}', not a named port of {string.Join(", ", selected)}"));
        });
    }
}
