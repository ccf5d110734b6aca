using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

internal enum SlotState
{
    /// <summary>Queued in the journal, not yet durable: nothing after it may be handed out.</summary>
    Writing,
    Ready,
    InFlight,

    /// <summary>Completed, coalesced away, or never made durable.</summary>
    Gone,
}

/// <summary>
/// The in-memory trace of one pending change: about 72 bytes plus ~60 bytes of index entries. The
/// change itself stays on disk (only held here between append and durability, for coalescing).
/// </summary>
internal sealed class OutboxSlot(long id, int keyHash, NameChange? change, DateTimeOffset appendedAt)
{
    /// <summary>When the change was appended; for changes replayed from the journal, when the outbox was opened.</summary>
    public DateTimeOffset AppendedAt { get; } = appendedAt;

    public long Id { get; } = id;

    public int KeyHash { get; } = keyHash;

    public NameChange? Change { get; set; } = change;

    public SlotState State { get; set; } = change is null ? SlotState.Ready : SlotState.Writing;

    /// <summary>Offset and length of the whole journal record (type byte included).</summary>
    public long Offset { get; set; }

    public int Length { get; set; }

    public static int HashOf(NameChange change) => ChangeKey.Of(change).GetHashCode();
}
