using Fos1.Dns.Publishing.Probing;
using Fos1.Zones.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// Watches CoreDNS catch up: after every durable change it asks CoreDNS's own gRPC server block for
/// the zone's SOA serial until the new serial is served, and records how long that took
/// (<c>fos1.dns.publish.duration</c>, output <c>grpc</c>); <see cref="CaughtUp"/> is the readiness signal.
/// </summary>
public sealed partial class CoreDnsProbeService(
    Uri coreDns, ZoneStore store, PublishMetrics published, TimeProvider time, ILogger<CoreDnsProbeService> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly PublishMetrics _published = published;

    private volatile bool _caughtUp;

    /// <summary>CoreDNS served the newest serial of every zone at the last check.</summary>
    public bool CaughtUp => _caughtUp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var probe = new CoreDnsGrpcProbe(coreDns);
        // Subscribe before the first probes, so a change made meanwhile is not missed.
        var changes = store.WatchAsync(stoppingToken);
        try
        {
            foreach (var zone in store.Zones)
            {
                await WaitForSerialAsync(probe, zone, store.Current(zone).Serial, time.GetTimestamp(), stoppingToken).ConfigureAwait(false);
            }

            await foreach (var change in changes.ConfigureAwait(false))
            {
                if (change.Kind == ZoneChangeKind.Removed)
                {
                    continue;
                }

                await WaitForSerialAsync(probe, change.Zone, change.Serial, time.GetTimestamp(), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForSerialAsync(CoreDnsGrpcProbe probe, DnsName zone, uint serial, long since, CancellationToken cancellationToken)
    {
        _caughtUp = false;
        while (time.GetElapsedTime(since) < GiveUpAfter)
        {
            try
            {
                var served = await probe.SoaSerialAsync(zone, cancellationToken).ConfigureAwait(false);
                if (Fos1.Zones.Records.SerialNumber.IsNewer(served, serial) || served == serial)
                {
                    var elapsed = time.GetElapsedTime(since);
                    _published.Published(PublishOutput.Grpc, zone, elapsed);
                    LogPublished(zone, serial, elapsed.TotalMilliseconds);
                    _caughtUp = true;
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogProbeFailed(zone, e.Message);
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        LogBehind(zone, serial, GiveUpAfter.TotalSeconds);
    }

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "CoreDNS serves {Zone} serial {Serial} after {Milliseconds:0.0} ms")]
    private partial void LogPublished(DnsName zone, uint serial, double milliseconds);

    [LoggerMessage(EventId = 700, Level = LogLevel.Debug, Message = "CoreDNS probe for {Zone} failed: {Problem}")]
    private partial void LogProbeFailed(DnsName zone, string problem);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "CoreDNS still does not serve {Zone} serial {Serial} after {Seconds} s")]
    private partial void LogBehind(DnsName zone, uint serial, double seconds);
}
