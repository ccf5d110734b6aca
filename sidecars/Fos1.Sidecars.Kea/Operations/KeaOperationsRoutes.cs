using System.Text.Json;
using Fos1.Dns.Dispatch;
using Fos1.Observability.Endpoint;
using Fos1.Observability.Logging;
using Fos1.Observability.Readiness;
using Fos1.Outbox.Changes;
using Fos1.Sidecars.Kea.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// GET /status and POST /resync on the observability endpoint, the contract fos1ctl speaks (docs/operations.md).
/// /resync runs a reconciliation now and answers with what it did; one at a time.
/// </summary>
public sealed class KeaOperationsRoutes(
    SidecarIdentity identity,
    IEnumerable<IReadinessCheck> checks,
    LeaseSourceActivity activity,
    KeaSourceSet sources,
    DdnsRouting routing,
    UpdateOutbox outbox,
    RecentProblems problems,
    ReconciliationRuns runs,
    ReconciliationService? reconciliation) : IOperationsRoutes, IDisposable
{
    /// <summary>camelCase, and "+" in versions and offsets left readable for curl users.</summary>
    public static readonly JsonSerializerOptions Json = KeaOperationsJson.Web.Options;

    private readonly SemaphoreSlim _resync = new(1, 1);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/status", () => Results.Json(Status(), KeaOperationsJson.Web.KeaStatus));
        endpoints.MapPost("/resync", (Func<CancellationToken, Task<IResult>>)ResyncAsync);
    }

    public KeaStatus Status()
    {
        var readiness = ReadinessReport.Evaluate(checks);
        var zones = routing.Forward.Zones.Select(z => (z.Domain, Direction: "forward"))
            .Concat(routing.Reverse.Zones.Select(z => (z.Domain, Direction: "reverse")))
            .Select(z => new ZoneStatus(ZoneNames.Absolute(z.Domain.Zone), [.. z.Domain.Servers.Select(s => s.Server.ToString())], z.Direction))
            .ToList();
        return new KeaStatus(
            identity.Sidecar,
            identity.Version,
            identity.StartedAt,
            readiness.Ready,
            readiness.Checks,
            [.. KeaSourceSet.All.Select(name => Source(name, sources.IsEnabled(name)))],
            zones,
            new OutboxStatus(outbox.PendingCount, Math.Round(outbox.OldestPendingAge.TotalSeconds, 3)),
            problems.Snapshot());
    }

    public async Task<IResult> ResyncAsync(CancellationToken cancellationToken)
    {
        if (reconciliation is null)
        {
            return Results.Json(new OperationError("reconciliation is not configured (set Fos1:Reconciliation:Dhcp4ControlSocket, Dhcp6ControlSocket or ControlAgentUrl)"),
                KeaOperationsJson.Web.OperationError, statusCode: StatusCodes.Status409Conflict);
        }

        await _resync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await reconciliation.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            return runs.Last switch
            {
                { Succeeded: true } run => Results.Json(new ResyncResult(run.Leases, run.Added, run.Removed, run.Conflicts, Math.Round(run.DurationMs, 1)), KeaOperationsJson.Web.ResyncResult),
                { } run => Results.Json(new OperationError($"reconciliation failed, nothing changed: {run.Error}"), KeaOperationsJson.Web.OperationError, statusCode: StatusCodes.Status502BadGateway),
                null => Results.Json(new OperationError("reconciliation did not run"), KeaOperationsJson.Web.OperationError, statusCode: StatusCodes.Status500InternalServerError),
            };
        }
        finally
        {
            _resync.Release();
        }
    }

    public void Dispose() => _resync.Dispose();

    private SourceStatus Source(string name, bool enabled)
    {
        var state = activity.Of(name);
        var lastError = name == "reconciliation" && runs.Last is { Succeeded: false } failed ? failed.Error : state.LastError;
        return new SourceStatus(name, enabled, state.LastEventAt, state.Events, state.Rejected, lastError);
    }
}
