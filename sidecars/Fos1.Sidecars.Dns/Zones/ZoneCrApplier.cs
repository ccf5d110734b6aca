using System.Net;
using System.Text;
using Fos1.Crds.Dns;
using Fos1.Dns.Server.Serving;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Services;
using Fos1.Zones.Policy;
using Fos1.Zones.StaticRecords;
using Fos1.Zones.Store;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>
/// Brings the store, the UPDATE server and the Corefile to what the DNSZone/PTRZone resources ask for, in
/// this order: new zones added, static records synced (<see cref="StaticRecordSync"/>, under the zone's
/// update gate), the serving configuration (grants, NOTIFY targets) swapped, the Corefile re-rendered, and
/// last the zones whose resource is gone removed (their files moved aside by the store). One apply at a time.
/// What each zone's resource last applied is kept in <c>&lt;state&gt;/resources/&lt;zone&gt;.zone</c> (written
/// atomically after the commit), so an edit made while the sidecar was down is applied exactly on the next start.
/// A resource that turns Invalid keeps its last valid version in effect; after a restart its zone's files are
/// kept (not served) until the resource is fixed or deleted.
/// </summary>
public sealed partial class ZoneCrApplier : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ZoneStore _store;
    private readonly LiveServingConfiguration _serving;
    private readonly ServingConfiguration _baseline;
    private readonly IReadOnlyCollection<DnsName> _configured;
    private readonly UpdateHandler? _gates;
    private readonly Func<IReadOnlyList<DesiredZone>, (string Path, string Text)?> _corefile;
    private readonly string _resources;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Dictionary<(string Kind, string Namespace, string Name), DesiredZone> _lastGood = [];

    /// <param name="baseline">The serving configuration of the configured zones (policy, transfers, NOTIFY targets); resources add to it.</param>
    /// <param name="configured">The zones from the sidecar's configuration: never touched here, and they win an apex.</param>
    /// <param name="gates">The server whose per-zone gate the static sync takes (null: no concurrent updates).</param>
    /// <param name="corefile">Renders the Corefile for the resource zones (path and text), or null when writing is off.</param>
    public ZoneCrApplier(ZoneStore store, LiveServingConfiguration serving, ServingConfiguration baseline, IReadOnlyCollection<DnsName> configured,
        string stateDirectory, UpdateHandler? gates, Func<IReadOnlyList<DesiredZone>, (string Path, string Text)?> corefile, ILogger<ZoneCrApplier> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _serving = serving ?? throw new ArgumentNullException(nameof(serving));
        _baseline = baseline ?? throw new ArgumentNullException(nameof(baseline));
        _configured = configured ?? throw new ArgumentNullException(nameof(configured));
        _gates = gates;
        _corefile = corefile ?? throw new ArgumentNullException(nameof(corefile));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _resources = Path.Combine(stateDirectory, "resources");
    }

    public async Task<IReadOnlyList<ZoneCrOutcome>> ApplyAsync(IReadOnlyList<DnsZone> dnsZones, IReadOnlyList<PtrZone> ptrZones, CancellationToken cancellationToken)
    {
        var desired = ZoneCrMapping.Map(dnsZones, ptrZones, _configured);
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(_resources);
            var outcomes = new List<ZoneCrOutcome>();
            var served = new List<DesiredZone>();
            foreach (var zone in KeepLastGood(desired))
            {
                var outcome = await ServeAsync(zone, cancellationToken).ConfigureAwait(false);
                if (outcome.State == ZoneCrState.Serving || _store.Contains(zone.Origin))
                {
                    served.Add(zone);
                }

                if (desired.Zones.Contains(zone))
                {
                    outcomes.Add(outcome);
                }
            }

            _serving.Swap(Serving(served));
            var corefileProblem = WriteCorefile(served);
            await RemoveGoneAsync(served, desired, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(desired.Rejected.Select(r => Annotate(r, served)));
            return corefileProblem is null
                ? outcomes
                : [.. outcomes.Select(o => o.Ready ? o with { State = ZoneCrState.Failed, Message = corefileProblem } : o)];
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Accepted zones, plus the last valid version of resources that are Invalid now (if their apex is still free).</summary>
    private List<DesiredZone> KeepLastGood(DesiredZones desired)
    {
        var zones = desired.Zones.ToList();
        foreach (var zone in zones)
        {
            _lastGood[Key(zone.Source)] = zone;
        }

        foreach (var invalid in desired.Rejected.Where(r => r.State == ZoneCrState.Invalid))
        {
            if (_lastGood.TryGetValue(Key(invalid), out var last) && zones.TrueForAll(z => z.Origin != last.Origin))
            {
                zones.Add(last);
            }
        }

        var present = desired.Zones.Select(z => Key(z.Source)).Concat(desired.Rejected.Select(Key)).ToHashSet();
        foreach (var gone in _lastGood.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _lastGood.Remove(gone);
        }

        return zones;
    }

    private async Task<ZoneCrOutcome> ServeAsync(DesiredZone zone, CancellationToken cancellationToken)
    {
        var origin = zone.Origin;
        try
        {
            if (!_store.Contains(origin))
            {
                await _store.AddZoneAsync(ZoneDefinition.FromZone(zone.Static.ToZone(1)), cancellationToken).ConfigureAwait(false);
            }

            using (_gates is null ? null : await _gates.EnterZoneAsync(origin, cancellationToken).ConfigureAwait(false))
            {
                var previous = ReadApplied(origin);
                if (StaticRecordSync.Plan(_store.Latest(origin), previous, zone.Static) is { } entry)
                {
                    await _store.CommitAsync(entry).ConfigureAwait(false);
                    LogSynced(_logger, origin, entry.FromSerial, entry.ToSerial);
                }

                if (previous is null || previous != zone.Static)
                {
                    var text = $"; {zone.Source.Kind} {zone.Source.Namespace}/{zone.Source.Name}\n{zone.Static.ToText()}";
                    CorefileWriterService.WriteIfChanged(AppliedPath(origin), Utf8.GetBytes(text));
                }
            }

            return zone.Source with { State = ZoneCrState.Serving, Message = $"zone {origin} is served", Serial = _store.Current(origin).Serial };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, e, origin);
            return zone.Source with { State = ZoneCrState.Failed, Message = $"zone {origin} could not be applied: {e.Message}" };
        }
    }

    private ServingConfiguration Serving(List<DesiredZone> zones)
    {
        var notify = new Dictionary<DnsName, IReadOnlyList<IPEndPoint>>(_baseline.NotifyTargets);
        foreach (var zone in zones)
        {
            notify[zone.Origin] = zone.Notify;
        }

        return _baseline with
        {
            Policy = _baseline.Policy with { Grants = [.. _baseline.Policy.Grants, .. zones.SelectMany(z => z.Grants)] },
            NotifyTargets = notify,
        };
    }

    public void Dispose() => _one.Dispose();

    private static (string, string, string) Key(ZoneCrOutcome source) => (source.Kind, source.Namespace, source.Name);

    private static ZoneCrOutcome Annotate(ZoneCrOutcome rejected, List<DesiredZone> served) =>
        rejected.State == ZoneCrState.Invalid && served.Find(z => Key(z.Source) == Key(rejected)) is { } last
            ? rejected with { Message = rejected.Message + $"; the last valid version of zone {last.Origin} stays in effect", Zone = last.Origin }
            : rejected;
}
