using Fos1.Crds.Dns;
using Fos1.Mdns.Applying;
using Fos1.Mdns.Rendering;
using Fos1.Testbed.Mdns;
using static Fos1.Mdns.Tests.Rendering.Reflectors;

namespace Fos1.Mdns.Tests.Reflection;

/// <summary>
/// Real avahi-daemons (Debian's avahi-daemon package) in three namespaces A - R - B: A publishes a static
/// _http._tcp service, B browses with an mDNS query from port 5353, R runs the avahi-daemon.conf rendered from an
/// MDNSReflector and written by <see cref="AvahiConfigFile"/>, which restarts R's avahi through its pid file.
/// </summary>
public sealed class AvahiReflectionTests
{
    private const string ServiceType = "_http._tcp.local";
    private const string Instance = "fos1-web._http._tcp.local";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_service_in_A_is_browsable_from_B_only_while_the_reflector_CR_enables_reflection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var cancellation = timeout.Token;
        await using var lab = await MdnsLab.CreateAsync(cancellation);
        var work = Directory.CreateTempSubdirectory("fos1-mdns-lab-");
        try
        {
            var services = Directory.CreateDirectory(Path.Combine(work.FullName, "services")).FullName;
            await File.WriteAllTextAsync(Path.Combine(services, "web.service"), AvahiHostConfig.HttpService("fos1-web", 8080), cancellation);
            var aConfig = Path.Combine(work.FullName, "a.conf");
            var bConfig = Path.Combine(work.FullName, "b.conf");
            var rConfig = Path.Combine(work.FullName, "r", "avahi-daemon.conf");
            Directory.CreateDirectory(Path.GetDirectoryName(rConfig)!);
            await File.WriteAllTextAsync(aConfig, AvahiHostConfig.Publisher(MdnsLab.AInterface, "fos1-a"), cancellation);
            await File.WriteAllTextAsync(bConfig, AvahiHostConfig.Listener(MdnsLab.BInterface), cancellation);

            // R's node view: its real interfaces; the CR also lists one R lacks, which must be left out and reported.
            var routerInterfaces = await lab.RouterInterfacesAsync(cancellation);
            var disabled = Render(routerInterfaces, enabled: false, generation: 1);
            Assert.False(disabled.Reflecting);
            Assert.Equal(["wlan9"], Assert.Single(disabled.Outcomes).UnknownInterfaces);
            Assert.Contains($"\nallow-interfaces={MdnsLab.RouterAInterface},{MdnsLab.RouterBInterface}\n", disabled.Text, StringComparison.Ordinal);

            // The daemon is not running yet: the file is written for its first start.
            var routerDaemon = default(AvahiDaemon);
            var restart = new AvahiPidRestart(() => routerDaemon?.PidFile);
            var file = new AvahiConfigFile(rConfig, restart);
            Assert.Equal(AvahiApplyResult.WrittenNotRunning, await file.ApplyAsync(disabled.Text, cancellation));

            await using var a = await AvahiDaemon.StartAsync(lab.A, aConfig, new AvahiDaemonOptions { ServicesDirectory = services }, cancellation);
            await using var b = await AvahiDaemon.StartAsync(lab.B, bConfig, cancellationToken: cancellation);
            await using var router = await AvahiDaemon.StartAsync(lab.Router, rConfig, new AvahiDaemonOptions { RestartOnExit = true }, cancellation);
            routerDaemon = router;

            // A publishes (R, on A's link, hears it directly) but with reflection off B hears nothing.
            await MdnsBrowser.WaitUntilFoundAsync(lab.Router, MdnsLab.RouterAInterface, ServiceType, Instance, Deadline, cancellation);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                Assert.Empty(await MdnsBrowser.BrowseAsync(lab.B, MdnsLab.BInterface, ServiceType, TimeSpan.FromSeconds(1), cancellation));
            }

            // The same rendering again: nothing is written and R's avahi keeps its pid.
            var pid = AvahiPidFile.Read(router.PidFile);
            Assert.NotNull(pid);
            Assert.Equal(AvahiApplyResult.Unchanged, await file.ApplyAsync(Render(routerInterfaces, enabled: false, generation: 1).Text, cancellation));
            Assert.Equal(pid, AvahiPidFile.Read(router.PidFile));
            Assert.Equal(1, router.Starts);

            // The CR enables reflection: the file changes, avahi is restarted with it, and B finds A's service.
            var enabled = Render(routerInterfaces, enabled: true, generation: 2);
            Assert.True(enabled.Reflecting);
            Assert.Equal(AvahiApplyResult.Restarted, await file.ApplyAsync(enabled.Text, cancellation));
            await router.WaitForStartsAsync(2, Deadline, cancellation);
            Assert.NotEqual(pid, AvahiPidFile.Read(router.PidFile));
            await MdnsBrowser.WaitUntilFoundAsync(lab.B, MdnsLab.BInterface, ServiceType, Instance, Deadline, cancellation);

            // And disabled again: B stops hearing it (the queries, not a cache, are what is reflected).
            Assert.Equal(AvahiApplyResult.Restarted, await file.ApplyAsync(disabled.Text, cancellation));
            await router.WaitForStartsAsync(3, Deadline, cancellation);
            await MdnsBrowser.WaitUntilFoundAsync(lab.Router, MdnsLab.RouterAInterface, ServiceType, Instance, Deadline, cancellation);
            Assert.Empty(await MdnsBrowser.BrowseAsync(lab.B, MdnsLab.BInterface, ServiceType, TimeSpan.FromSeconds(2), cancellation));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static AvahiConfigRendering Render(IReadOnlyList<string> routerInterfaces, bool enabled, long generation)
    {
        var spec = new MdnsReflectorSpec
        {
            Enabled = enabled,
            Interfaces = [MdnsLab.RouterAInterface, MdnsLab.RouterBInterface, "wlan9"],
        };
        return AvahiConfigRenderer.Render([Reflector(spec, name: "lab", generation: generation)], routerInterfaces);
    }

    /// <summary>The sidecar's restart, pointed at the pid file of a daemon that starts after the file is first written.</summary>
    private sealed class AvahiPidRestart(Func<string?> pidFile) : IAvahiRestart
    {
        public Task<AvahiRestartOutcome> RestartAsync(CancellationToken cancellationToken = default) =>
            pidFile() is { } path
                ? new AvahiSignalRestart(path).RestartAsync(cancellationToken)
                : Task.FromResult(AvahiRestartOutcome.NotRunning);
    }
}
