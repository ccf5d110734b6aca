using Fos1.Ddns;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>One way a reader learns about an accepted name (gRPC DnsService, the zone file, a UDP query).</summary>
public interface IPublishProbe : IAsyncDisposable
{
    /// <summary>The column heading, e.g. "gRPC".</summary>
    string Name { get; }

    /// <returns>The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the name was seen; null when not within <paramref name="deadline"/>.</returns>
    Task<long?> WaitVisibleAsync(DnsName name, TimeSpan deadline, CancellationToken cancellationToken);
}
