using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>A persisted change handed to the sender; complete it by <see cref="Id"/> once DNS reflects it.</summary>
/// <param name="AppendedAt">When it was appended (replayed after a restart: when the outbox was opened).</param>
public sealed record OutboxEntry(long Id, NameChange Change, DateTimeOffset? AppendedAt = null);
