using System.Threading.Channels;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Hooks;

/// <summary>
/// Takes the events of one spool file. The returned task completes only when the events are durably
/// queued (e.g. in the outbox); then, and only then, the file is deleted. A fault keeps the file for a retry.
/// </summary>
public delegate ValueTask LeaseEventSink(IReadOnlyList<LeaseEvent> events, CancellationToken cancellationToken);

public static class LeaseEventSinks
{
    /// <summary>A sink that writes to a channel: "queued" means "in the channel" (not durable across restarts).</summary>
    public static LeaseEventSink ToChannel(ChannelWriter<LeaseEvent> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return async (events, cancellationToken) =>
        {
            foreach (var leaseEvent in events)
            {
                await writer.WriteAsync(leaseEvent, cancellationToken).ConfigureAwait(false);
            }
        };
    }
}
