using Fos1.Manifests.Tests.Crds;

namespace Fos1.Manifests.Tests.Images;

/// <summary>The images themselves run non-root too, not only the pod specs (Kustomize/SecurityTests checks runAsNonRoot).</summary>
public sealed class SidecarDockerfileTests
{
    [Theory]
    [InlineData("sidecars/Fos1.Sidecars.Kea/Dockerfile")]
    [InlineData("sidecars/Fos1.Sidecars.Dns/Dockerfile")]
    [InlineData("sidecars/Fos1.Sidecars.Config/Dockerfile")]
    public void The_final_stage_of_every_sidecar_image_sets_a_numeric_non_root_user(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(ManifestFolder.Root, path)).Select(l => l.Trim()).ToList();
        var finalStage = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)));
        var user = finalStage.LastOrDefault(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase));

        Assert.NotNull(user);
        var ids = user["USER ".Length..].Trim().Split(':');
        Assert.All(ids, id => Assert.True(uint.TryParse(id, out var n) && n != 0, $"{path}: '{user}' is not a numeric non-root user"));
    }

    [Theory]
    [InlineData("sidecars/Fos1.Sidecars.Kea/Dockerfile")]
    [InlineData("sidecars/Fos1.Sidecars.Dns/Dockerfile")]
    [InlineData("sidecars/Fos1.Sidecars.Config/Dockerfile")]
    public void The_default_image_publishes_ReadyToRun_code_which_keeps_start_up_with_Kubernetes_under_a_second(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(ManifestFolder.Root, path)).Select(l => l.Trim()).ToList();
        var buildStage = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase) && l.EndsWith(" AS build", StringComparison.OrdinalIgnoreCase)));
        var publishes = buildStage.TakeWhile(l => !l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase) || l.EndsWith(" AS build", StringComparison.OrdinalIgnoreCase))
            .Where(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(publishes);
        Assert.All(publishes, publish =>
        {
            Assert.Contains("-p:PublishReadyToRun=true", publish, StringComparison.Ordinal);
            Assert.Contains("-r $RID --self-contained false", publish, StringComparison.Ordinal);
        });
    }
}
