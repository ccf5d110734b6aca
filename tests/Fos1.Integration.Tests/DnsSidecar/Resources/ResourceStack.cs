using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Crds.Dns;
using Fos1.Ddns;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Transfer;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Services;
using Fos1.Sidecars.Dns.Zones;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Zones.Policy;
using Fos1.Zones.Store;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Integration.Tests.DnsSidecar.Resources;

/// <summary>
/// The dns sidecar's zone side in-process on 127.0.0.1 and a free port: a durable store in a temporary
/// directory, the RFC 2136 server over it, and the applier for DNSZone/PTRZone resources. Reopen it on the
/// same directory to simulate a restart.
/// </summary>
internal sealed class ResourceStack : IAsyncDisposable
{
    public static readonly Fos1.Testbed.Dns.TsigKey Key = Fos1.Testbed.Dns.TsigKey.Generate("kea-ddns");

    private ResourceStack(string directory, ZoneStore store, UpdateServer server, ZoneCrApplier applier)
    {
        Directory = directory;
        Store = store;
        Server = server;
        Applier = applier;
    }

    public string Directory { get; }

    public ZoneStore Store { get; }

    public UpdateServer Server { get; }

    public ZoneCrApplier Applier { get; }

    public IPEndPoint EndPoint => Server.UdpEndPoint;

    public string CorefilePath => Path.Combine(Directory, "coredns", "Corefile");

    public static ResourceStack Start(string? directory = null, IReadOnlyList<ZoneDefinition>? configured = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "fos1-resources-" + Guid.NewGuid().ToString("N"));
        var state = Path.Combine(directory, "state");
        configured ??= [];
        var store = ZoneStore.Open(new ZoneStoreOptions { Directory = state }, configured, NullLogger.Instance);
        var baseline = new ServingConfiguration(UpdatePolicy.DenyAll, new TransferPolicy([], AllowUnsignedFromLoopback: true),
            new Dictionary<DnsName, IReadOnlyList<IPEndPoint>>());
        var live = new LiveServingConfiguration(baseline);
        var endPoint = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
        var server = new UpdateServer(
            new UpdateServerOptions(endPoint, [Fos1.Dns.Tsig.TsigKey.FromKea(Key.Name, "HMAC-SHA256", Key.Secret)], UpdatePolicy.DenyAll),
            new StoreAdapters(store), NullLogger<UpdateServer>.Instance, serving: live);
        server.Start();
        var sidecar = new DnsSidecarOptions { StateDirectory = state, UpdateEndpoint = endPoint.ToString(), GrpcEndpoint = "127.0.0.1:5553" };
        var corefile = new CorefileOptions { Path = Path.Combine(directory, "coredns", "Corefile"), Upstreams = ["127.0.0.53"] };
        var applier = new ZoneCrApplier(store, live, baseline, [.. configured.Select(d => d.Origin)], state, server.Handler,
            ZoneCrApplier.CorefileFrom(corefile, sidecar), NullLogger<ZoneCrApplier>.Instance);
        return new ResourceStack(directory, store, server, applier);
    }

    public Task<IReadOnlyList<ZoneCrOutcome>> ApplyAsync(IReadOnlyList<DnsZone> zones, IReadOnlyList<PtrZone>? ptrZones = null) =>
        Applier.ApplyAsync(zones, ptrZones ?? [], CancellationToken.None);

    public Task<CliWrap.Buffered.BufferedCommandResult> UpdateAsync(string zone, params string[] commands) =>
        Fos1.Testbed.Dns.Nsupdate.SendAsync(EndPoint, Key, zone, commands);

    /// <summary>dig AXFR (unsigned, from loopback): the record lines, whitespace collapsed and lower-cased.</summary>
    public async Task<List<string>> AxfrAsync(string zone)
    {
        string[] arguments = [$"@{EndPoint.Address}", "-p", EndPoint.Port.ToString(CultureInfo.InvariantCulture), "+nocmd", "+nostats", "+time=2", "+tries=1", zone, "AXFR"];
        var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Dig.Path).WithArguments(arguments));
        var output = result.StandardOutput + result.StandardError;
        return [.. output.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0)
            .Select(l => l.StartsWith(';') ? l : string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())];
    }

    public static DnsZone Zone(string name, DnsZoneSpec spec, int generation = 1, int ageMinutes = 10) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name, NamespaceProperty = "net", Generation = generation,
            CreationTimestamp = new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc).AddMinutes(-ageMinutes),
        },
        Spec = spec,
    };

    public static PtrZone Ptr(string name, PtrZoneSpec spec) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "net", Generation = 1, CreationTimestamp = new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc) },
        Spec = spec,
    };

    public async ValueTask DisposeAsync()
    {
        Applier.Dispose();
        await Server.DisposeAsync();
        await Store.DisposeAsync();
    }

    public void DeleteDirectory()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
