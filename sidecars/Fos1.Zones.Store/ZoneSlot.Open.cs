using Fos1.Outbox;
using Fos1.Zones.Journal;
using Fos1.Zones.Records;
using Fos1.Zones.Text;
using Microsoft.Extensions.Logging;
using OutboxJournal = Fos1.Outbox.Journaling.Journal;

namespace Fos1.Zones.Store;

/// <summary>Start-up of one zone: the last snapshot (or the static definition), then its journal replayed.</summary>
internal sealed partial class ZoneSlot
{
    public static ZoneSlot Open(ZoneDefinition definition, ZoneStoreOptions options, ILogger logger, ZoneStoreMetrics? metrics,
        OutboxMetrics? journalMetrics, Action<ZoneChange> changed)
    {
        var origin = definition.Origin;
        var fileName = FileName(origin);
        var snapshotPath = Path.Combine(options.Directory, fileName + ".zone");
        var source = File.Exists(snapshotPath) ? snapshotPath : "the static definition";
        var loaded = File.Exists(snapshotPath)
            ? ZoneFileReader.Parse(File.ReadAllText(snapshotPath), origin)
            : definition.Static;
        if (loaded.Origin != origin)
        {
            throw new ArgumentException($"the static definition of {origin} holds zone {loaded.Origin}", nameof(definition));
        }

        var payloads = new List<byte[]>();
        var slot = new ZoneSlot(origin, fileName, loaded, options, logger, metrics, changed);
        slot._journal = OutboxJournal.Open(Path.Combine(options.Directory, fileName + ".journal"), "zone " + origin,
            (_, payload) => payloads.Add(payload.ToArray()), logger, journalMetrics, slot.OnBatch);
        var replayed = slot.Replay(payloads);
        var serial = slot._current.Serial;
        ZoneStoreLog.Loaded(logger, origin, loaded.Serial, source, replayed, serial);
        metrics?.Replayed(origin, replayed);
        return slot;
    }

    /// <summary>The snapshot's file name: the origin in lower case (names compare case-insensitively).</summary>
    public static string FileName(Fos1.Ddns.DnsName origin) => origin == Fos1.Ddns.DnsName.Root ? "root" : origin.Text.ToLowerInvariant();

    /// <summary>
    /// Applies the entries that follow the loaded snapshot. Entries already covered by it (a crash between
    /// the snapshot's rename and the compaction) are skipped. An entry that does not apply stops the replay,
    /// with one exception: if a later entry starts exactly from the version reached, the entries in between
    /// are the orphans a failed journal write leaves behind (they were built on the failed update, written,
    /// and refused to their clients), and the replay resumes there. Whatever did not apply is logged,
    /// counted, kept aside in a file and dropped from the journal (<see cref="RepairNow"/>), so the updates
    /// acknowledged from now on never sit behind it at the next start.
    /// </summary>
    private int Replay(List<byte[]> payloads)
    {
        var zone = _current;
        var applied = 0;
        var rejected = new List<byte[]>();
        string? firstReason = null;
        var firstIndex = -1;
        for (var i = 0; i < payloads.Count; i++)
        {
            string reason;
            try
            {
                var entry = JournalEntryCodec.Decode(payloads[i]);
                if (applied == 0 && rejected.Count == 0 && entry.Zone == zone.Origin && entry.FromSerial != zone.Serial
                    && !SerialNumber.IsNewer(entry.ToSerial, zone.Serial))
                {
                    continue;
                }

                if (entry.FromSerial == zone.Serial || rejected.Count == 0)
                {
                    zone = zone.Apply(entry);
                    _live.Add(new LiveEntry(entry.ToSerial, payloads[i]));
                    applied++;
                    continue;
                }

                reason = $"entry {entry.FromSerial} -> {entry.ToSerial} does not follow serial {zone.Serial}";
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
            {
                reason = e.Message;
            }

            if (firstReason is null)
            {
                firstReason = reason;
                firstIndex = i;
            }

            rejected.Add(payloads[i]);
        }

        if (firstReason is not null)
        {
            var rejectedFile = Path.Combine(Path.GetDirectoryName(_snapshotPath)!, $"{_fileName}.journal.rejected-{DateTime.UtcNow:yyyyMMddTHHmmssfff}");
            File.WriteAllLines(rejectedFile, rejected.Select(Describe));
            ZoneStoreLog.ReplayStopped(_logger, Origin, firstIndex, firstReason, rejected.Count, rejectedFile);
            _metrics?.Rejected(Origin, rejected.Count);
            _repair = true;
        }

        _current = zone;
        _tip = zone;
        return applied;
    }

    private static string Describe(byte[] payload)
    {
        try
        {
            return JournalEntryCodec.Decode(payload).ToString();
        }
        catch (InvalidDataException)
        {
            return "undecodable " + Convert.ToHexString(payload);
        }
    }

    private sealed record LiveEntry(uint ToSerial, byte[] Payload);

    private sealed class Ticket(UpdateJournalEntry entry, Zone basis, Zone result, byte[] payload)
    {
        public UpdateJournalEntry Entry { get; } = entry;

        public Zone Basis { get; } = basis;

        public Zone Result { get; } = result;

        public byte[] Payload { get; } = payload;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
