using System.Globalization;
using System.Net;
using Fos1.Testbed.Sidecars;

namespace Fos1.Bench.Ncr.Targets;

/// <summary>
/// The kea sidecar as its own process (the Testbed's <see cref="KeaSidecarProcess"/>), started from the same
/// kea-dhcp-ddns.conf as D2, logging at Warning so one log line per change does not become the bottleneck.
/// </summary>
public sealed class SidecarTarget(KeaSidecarProcess sidecar) : INcrTarget
{
    public string Name => BenchTargetNames.Sidecar;

    public IPEndPoint Endpoint => sidecar.Endpoint;

    public bool IsRunning => sidecar.IsRunning;

    public string RecentOutput => sidecar.RecentOutput;

    /// <param name="dll">fos1-kea-sidecar.dll; <see cref="KeaSidecarBinary.Locate"/> finds the repository's build when null.</param>
    public static async Task<SidecarTarget> StartAsync(
        string? dll, BenchZones zones, int dnsServerTimeoutMs, int? maxInFlight, CancellationToken cancellationToken) =>
        new(await KeaSidecarProcess.StartAsync(
            BenchDdnsOptions.For(zones, dnsServerTimeoutMs) with { StartTimeout = TimeSpan.FromSeconds(30) },
            [
                .. maxInFlight is { } limit ? ["--Fos1:MaxInFlight=" + limit.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
                "--Logging:LogLevel:Default=Warning",
            ],
            dll,
            cancellationToken));

    public ValueTask DisposeAsync() => sidecar.DisposeAsync();
}
