using Fos1.Ddns.Leases;

namespace Fos1.Dns.Dispatch;

/// <summary>A name change as the durable queue handed it out; <paramref name="Id"/> completes it there.</summary>
public sealed record QueuedChange(long Id, NameChange Change);
