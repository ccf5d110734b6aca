using Fos1.Ddns.Updates;

namespace Fos1.Dns.Sending;

/// <summary>Sends one UPDATE and reports its outcome. Safe to call concurrently.</summary>
public interface IDnsUpdateSender
{
    /// <param name="timeout">
    /// Budget for the exchange from the moment it is sent, including a TCP retry after truncation
    /// (waiting for a free slot in a per-server in-flight window does not count).
    /// </param>
    /// <returns>The outcome; never throws for network or server trouble.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentException">The plan names something outside its zone or exceeds 65,535 octets.</exception>
    Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default);
}
