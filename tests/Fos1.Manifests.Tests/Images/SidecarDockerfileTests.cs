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
    public void The_jit_image_publishes_ReadyToRun_code_which_keeps_start_up_with_Kubernetes_under_a_second(string path)
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

    [Theory]
    [InlineData("sidecars/Fos1.Sidecars.Kea/Dockerfile", "fos1-kea-sidecar")]
    [InlineData("sidecars/Fos1.Sidecars.Dns/Dockerfile", "fos1-dns-sidecar")]
    [InlineData("sidecars/Fos1.Sidecars.Config/Dockerfile", "fos1-config-sidecar")]
    public void The_default_image_is_the_native_build_which_keeps_idle_memory_under_60_MB(string path, string binary)
    {
        var lines = File.ReadAllLines(Path.Combine(ManifestFolder.Root, path)).Select(l => l.Trim()).ToList();
        var finalFrom = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase));
        var finalStage = lines.Skip(finalFrom).ToList();
        var nativeBuild = lines.FindIndex(l => l.EndsWith(" AS build-native", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS native", lines[finalFrom]);
        Assert.Contains($"ENTRYPOINT [\"/app/{binary}\"]", finalStage);
        Assert.Contains("COPY --from=build-native /app ./", finalStage);
        Assert.True(nativeBuild >= 0 && nativeBuild < finalFrom, $"{path}: no build-native stage before the final one");
        Assert.Contains(lines.Skip(nativeBuild).Take(finalFrom - nativeBuild), l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal) && l.Contains("-p:PublishAot=true", StringComparison.Ordinal));
    }

    [Fact]
    public void The_native_kea_image_carries_a_native_fos1ctl_beside_the_sidecar()
    {
        var lines = File.ReadAllLines(Path.Combine(ManifestFolder.Root, "sidecars/Fos1.Sidecars.Kea/Dockerfile")).Select(l => l.Trim()).ToList();
        var finalStage = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish sidecars/Fos1.Cli/Fos1.Cli.csproj -c Release -r $RID -p:PublishAot=true", StringComparison.Ordinal));
        Assert.Contains("RUN ln -s /app/fos1ctl /usr/local/bin/fos1ctl", finalStage);
    }
}
