using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>
/// The kea pod's init step (seed-kea-config.sh from the rendered ConfigMaps) run for real, and what it writes
/// checked by the real kea-dhcp4/kea-dhcp6/kea-ctrl-agent (<c>-t</c>, Kea 2.2 here; ISC's 2.6 images in the pod).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeaConfigSeedTests : IDisposable
{
    private const string DebianHooks = "/usr/lib/x86_64-linux-gnu/kea/hooks";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("fos1-kea-seed-");

    public static TheoryData<string, string, string> Pods => new()
    {
        { "base/dhcp", "fos1-kea-0", "server1" },
        { "overlays/ha/dhcp", "fos1-kea-0", "server1" },
        { "overlays/ha/dhcp", "fos1-kea-1", "server2" },
    };

    [Theory]
    [MemberData(nameof(Pods))]
    public async Task The_seeded_configuration_is_accepted_by_Kea_and_names_the_pods_HA_server(string path, string pod, string server)
    {
        var etc = await SeedAsync(path, pod, DebianHooks);

        foreach (var (daemon, file) in new[] { ("kea-dhcp4", "kea-dhcp4.conf"), ("kea-dhcp6", "kea-dhcp6.conf"), ("kea-ctrl-agent", "kea-ctrl-agent.conf") })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(etc, "templates", file)), await File.ReadAllTextAsync(Path.Combine(etc, file)));
            var check = await RunAsync($"/usr/sbin/{daemon}", ["-t", Path.Combine(etc, file)], new Dictionary<string, string?>(), "kea-dhcp4-server kea-dhcp6-server kea-ctrl-agent");
            Assert.True(check.ExitCode == 0, $"{daemon} -t {file} ({path}, {pod}):{Environment.NewLine}{check.StandardOutput}{check.StandardError}");
        }

        var dhcp4 = await File.ReadAllTextAsync(Path.Combine(etc, "kea-dhcp4.conf"));
        Assert.Equal(path.Contains("/ha/", StringComparison.Ordinal), dhcp4.Contains($"\"this-server-name\": \"{server}\"", StringComparison.Ordinal));
        Assert.DoesNotContain("@THIS_SERVER_NAME@", dhcp4, StringComparison.Ordinal);
        Assert.True(File.GetUnixFileMode(Path.Combine(etc, "hooks", "fos1-lease-hook.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task The_seed_points_the_hook_libraries_at_the_ISC_images_directory()
    {
        var etc = await SeedAsync("overlays/ha/dhcp", "fos1-kea-1", hooksDirectory: null);

        foreach (var file in new[] { "kea-dhcp4.conf", "kea-dhcp6.conf" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(etc, file));
            Assert.DoesNotContain(DebianHooks, text, StringComparison.Ordinal);
            Assert.Contains("\"/usr/lib/kea/hooks/libdhcp_ha.so\"", text, StringComparison.Ordinal);
            Assert.Contains("\"/usr/lib/kea/hooks/libdhcp_lease_cmds.so\"", text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _work.Delete(recursive: true);

    private async Task<string> SeedAsync(string path, string pod, string? hooksDirectory)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var source = Write(rendered, "fos1-kea-config-", "source");
        var seed = Write(rendered, "fos1-kea-seed-", "seed");
        var etc = Directory.CreateDirectory(Path.Combine(_work.FullName, pod, "etc")).FullName;

        var result = await RunAsync("/bin/sh", [Path.Combine(seed, "seed-kea-config.sh")], new Dictionary<string, string?>
        {
            ["POD_NAME"] = pod,
            ["KEA_CONFIG_SOURCE"] = source,
            ["KEA_CONFIG_DIR"] = etc,
            ["KEA_HOOKS_DIR"] = hooksDirectory,
        }, "dash");
        Assert.True(result.ExitCode == 0, result.StandardError);
        return etc;
    }

    private string Write(RenderedObjects rendered, string prefix, string folder)
    {
        var configMap = rendered.OfType<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal));
        var directory = Directory.CreateDirectory(Path.Combine(_work.FullName, folder + "-" + configMap.Metadata.Name)).FullName;
        foreach (var (file, text) in configMap.Data)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        return directory;
    }

    private static async Task<BufferedCommandResult> RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string?> environment, string package)
    {
        try
        {
            return await Cli.Wrap(program).WithArguments(arguments).WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: apt-get install {package}", e);
        }
    }
}
