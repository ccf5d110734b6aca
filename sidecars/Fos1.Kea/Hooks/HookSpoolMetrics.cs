using System.Diagnostics.Metrics;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Hooks;

/// <summary>Counters of the hook spool; exported as fos1_hook_spool_* by the host's metrics endpoint.</summary>
public sealed class HookSpoolMetrics
{
    public const string MeterName = "Fos1.Kea.HookSpool";

    private readonly Counter<long> _files;
    private readonly Counter<long> _events;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _consumerFailures;
    private readonly Counter<long> _staleTemporaryFiles;

    public HookSpoolMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _files = meter.CreateCounter<long>("fos1.hook_spool.files", "{file}", "Spool files consumed and deleted, by hook point");
        _events = meter.CreateCounter<long>("fos1.hook_spool.events", "{event}", "Lease events handed to the consumer, by kind");
        _rejected = meter.CreateCounter<long>("fos1.hook_spool.rejected", "{file}", "Spool files moved to rejected/, by reason");
        _consumerFailures = meter.CreateCounter<long>("fos1.hook_spool.consumer_failures", "{failure}", "Times the consumer failed to take a file's events (the file is kept and retried)");
        _staleTemporaryFiles = meter.CreateCounter<long>("fos1.hook_spool.stale_temporary_files", "{file}", "Half-written files in tmp/ deleted after the hook script died");
    }

    public void Consumed(string hookPoint) => _files.Add(1, new KeyValuePair<string, object?>("hook_point", hookPoint));

    public void Event(LeaseEventKind kind) => _events.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void Rejected(HookParseErrorKind reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void ConsumerFailed() => _consumerFailures.Add(1);

    public void StaleTemporaryFileDeleted() => _staleTemporaryFiles.Add(1);
}
