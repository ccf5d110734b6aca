using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Expiry;

/// <summary>The remove to issue for <see cref="Key"/> unless the lease is renewed before <see cref="ExpiresAt"/>.</summary>
public sealed record ScheduledRemoval(LeaseKey Key, NameChange Removal, DateTimeOffset ExpiresAt);
