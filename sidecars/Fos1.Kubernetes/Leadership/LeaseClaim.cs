using System.Net;
using System.Text.Json;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Json;
using k8s.Autorest;
using k8s.Models;

namespace Fos1.Kubernetes.Leadership;

/// <summary>
/// One attempt to take or keep a coordination.k8s.io Lease, the way client-go's leader election does it: a Lease
/// held by someone else counts as expired only when its record has not changed for a whole lease duration as seen
/// by this replica's clock (clocks of different nodes are never compared); every write carries the resourceVersion
/// that was read, so of two replicas racing for it exactly one wins (409 Conflict for the other).
/// </summary>
internal sealed class LeaseClaim(KubernetesApi client, string leaseNamespace, string leaseName, string identity, TimeSpan leaseDuration, TimeProvider time)
{
    private (string? Holder, DateTime? RenewTime) _observed;
    private DateTimeOffset _observedAt;

    /// <summary>The holder seen on the last read (null before the first, or when nobody holds it).</summary>
    public string? ObservedHolder => _observed.Holder;

    /// <summary>True when this replica holds the Lease now (taken or renewed); false when someone else does or a write lost a race.</summary>
    public async Task<bool> TryAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return await CreateAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var spec = lease.Spec ?? new LeaseSpec();
        if (_observed != (spec.HolderIdentity, spec.RenewTime))
        {
            _observed = (spec.HolderIdentity, spec.RenewTime);
            _observedAt = now;
        }

        var duration = spec.LeaseDurationSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : leaseDuration;
        var heldByOther = !string.IsNullOrEmpty(spec.HolderIdentity) && spec.HolderIdentity != identity;
        if (heldByOther && _observedAt + duration > now)
        {
            return false;
        }

        var renewing = spec.HolderIdentity == identity;
        lease.Spec = spec with
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = WholeSeconds(leaseDuration),
            AcquireTime = renewing && spec.AcquireTime is not null ? spec.AcquireTime : now.UtcDateTime,
            RenewTime = now.UtcDateTime,
            LeaseTransitions = renewing ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1,
        };
        try
        {
            var written = await client.SendAsync(HttpMethod.Put, LeasePath, Json(lease), KubernetesApiJson.Default.Lease, cancellationToken)
                .ConfigureAwait(false);
            Observe(written, now);
            return true;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private async Task<Lease?> ReadAsync(CancellationToken cancellationToken)
    {
        return await client.GetAsync(LeasePath, KubernetesApiJson.Default.Lease, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = new Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta { Name = leaseName, NamespaceProperty = leaseNamespace },
            Spec = new LeaseSpec
            {
                HolderIdentity = identity,
                LeaseDurationSeconds = WholeSeconds(leaseDuration),
                AcquireTime = now.UtcDateTime,
                RenewTime = now.UtcDateTime,
                LeaseTransitions = 0,
            },
        };
        try
        {
            var written = await client.SendAsync(HttpMethod.Post, LeasesPath, Json(lease), KubernetesApiJson.Default.Lease, cancellationToken)
                .ConfigureAwait(false);
            Observe(written, now);
            return true;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private void Observe(Lease? written, DateTimeOffset now)
    {
        _observed = (identity, written?.Spec?.RenewTime);
        _observedAt = now;
    }

    private string LeasesPath => $"/apis/coordination.k8s.io/v1/namespaces/{Uri.EscapeDataString(leaseNamespace)}/leases";

    private string LeasePath => LeasesPath + "/" + Uri.EscapeDataString(leaseName);

    private static string Json(Lease lease) => JsonSerializer.Serialize(lease, KubernetesApiJson.Default.Lease);

    private static int WholeSeconds(TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));
}
