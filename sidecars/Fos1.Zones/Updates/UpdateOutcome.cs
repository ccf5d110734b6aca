using Fos1.Ddns.Updates;
using Fos1.Zones.Journal;

namespace Fos1.Zones.Updates;

/// <summary>
/// The answer to one UPDATE: the RCODE, the zone version to serve from now on (the same instance when
/// nothing changed) and, when something changed, the journal entry to make durable before replying.
/// <see cref="Reason"/> says why, for the log; it is never sent to the client.
/// </summary>
public sealed record UpdateOutcome(ResponseCode Code, Zone Zone, UpdateJournalEntry? Change, string Reason)
{
    public bool Changed => Change is not null;
}
