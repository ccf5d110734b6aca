using Fos1.Ddns.Leases;

namespace Fos1.Dns.Dispatch;

/// <summary>A name change as the durable queue handed it out; <paramref name="Id"/> completes it there.</summary>
/// <param name="ReceivedAt">When the change entered the sidecar (null: unknown); the apply latency is measured from it.</param>
public sealed record QueuedChange(long Id, NameChange Change, DateTimeOffset? ReceivedAt = null);
