using Fos1.Observability.Readiness;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Services;
using Fos1.Zones.Store;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Operations;

/// <summary>The zone store is open (journal replayed, zone files loaded): every served zone is in memory.</summary>
public sealed class ZoneStoreCheck(ZoneStore store) : IReadinessCheck
{
    public string Name => "store";

    public ReadinessResult Check() => ReadinessResult.Ok($"open, {store.Zones.Count} zones");
}

/// <summary>The RFC 2136 listener (UDP + TCP) is bound.</summary>
public sealed class UpdateListenerCheck(ServingState state) : IReadinessCheck
{
    public string Name => "update-listener";

    public ReadinessResult Check() => state.UpdateListener is { } endpoint
        ? ReadinessResult.Ok($"bound to {endpoint}")
        : ReadinessResult.Failing("not bound yet (start-up still applying resources or the port is taken)");
}

/// <summary>The gRPC bridge CoreDNS's grpc plugin queries is bound (only when DnsSidecar:GrpcEndpoint is set).</summary>
public sealed class GrpcBridgeCheck(ServingState state, IOptions<DnsSidecarOptions> options) : IReadinessCheck
{
    public string Name => "grpc-bridge";

    public ReadinessResult Check() => state.GrpcBridge is { } endpoint
        ? ReadinessResult.Ok($"bound to {endpoint}")
        : string.IsNullOrEmpty(options.Value.GrpcEndpoint) ? ReadinessResult.Ok("off (DnsSidecar:GrpcEndpoint is empty)") : ReadinessResult.Failing("not bound yet");
}

/// <summary>With Kubernetes on: the DNSZone / PTRZone resources were listed and applied at least once.</summary>
public sealed class ZoneResourcesCheck(ZoneResourceService resources) : IReadinessCheck
{
    public string Name => "resources";

    public ReadinessResult Check() => resources.FirstAppliedAt is { } at
        ? ReadinessResult.Ok($"DNSZone/PTRZone resources applied (first at {at:O})")
        : ReadinessResult.Failing("DNSZone/PTRZone resources not listed and applied yet (API server reachable? RBAC?)");
}
