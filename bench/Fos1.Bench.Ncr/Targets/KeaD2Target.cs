using System.Net;
using Fos1.Testbed.Kea;

namespace Fos1.Bench.Ncr.Targets;

/// <summary>Stock kea-dhcp-ddns (the Testbed's <see cref="KeaDdnsServer"/>), the reference.</summary>
public sealed class KeaD2Target(KeaDdnsServer server) : INcrTarget
{
    public string Name => BenchTargetNames.KeaD2;

    public IPEndPoint Endpoint => server.Endpoint;

    public bool IsRunning => server.IsRunning;

    public string RecentOutput => server.RecentOutput;

    public static async Task<KeaD2Target> StartAsync(BenchZones zones, int dnsServerTimeoutMs, CancellationToken cancellationToken) =>
        new(await KeaDdnsServer.StartAsync(BenchDdnsOptions.For(zones, dnsServerTimeoutMs), cancellationToken));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
