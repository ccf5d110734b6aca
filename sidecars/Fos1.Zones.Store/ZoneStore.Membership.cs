using System.Globalization;
using Fos1.Ddns;

namespace Fos1.Zones.Store;

/// <summary>
/// Zones joining and leaving at runtime (DNSZone/PTRZone resources). One change of membership at a time;
/// commits to other zones and readers go on meanwhile (readers see the zone set as one immutable map).
/// </summary>
public sealed partial class ZoneStore
{
    /// <summary>Where a removed zone's files go: <c>retired/&lt;zone&gt;.&lt;UTC time&gt;.zone|.journal</c> in the store directory.</summary>
    public const string RetiredDirectoryName = "retired";

    private readonly SemaphoreSlim _membership = new(1, 1);

    /// <summary>
    /// Starts serving a zone: its snapshot and journal in the store directory if they exist (the zone was
    /// served before a restart), else <paramref name="definition"/>'s static content. Watchers get a
    /// <see cref="ZoneChangeKind.Added"/> change.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store already serves the zone.</exception>
    public async Task AddZoneAsync(ZoneDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_slots.ContainsKey(definition.Origin))
            {
                throw new InvalidOperationException($"the store already serves zone {definition.Origin}");
            }

            // Reading a snapshot and replaying a journal is file work: keep it off the caller's thread.
            var slot = await Task.Run(() =>
            {
                var opened = ZoneSlot.Open(definition, _options, _logger, _metrics, _journalMetrics, Publish);
                opened.RepairNow();
                return opened;
            }, cancellationToken).ConfigureAwait(false);
            _slots = _slots.Add(definition.Origin, slot);
            slot.ScheduleWrite();
            Publish(new ZoneChange(definition.Origin, slot.Current.Serial) { Kind = ZoneChangeKind.Added });
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>
    /// Stops serving a zone: it disappears from <see cref="Zones"/> at once (updates get NOTAUTH), pending
    /// commits finish, the final snapshot is written, then its snapshot and journal are <b>moved aside</b> to
    /// <see cref="RetiredDirectoryName"/> (kept for an operator, never read again) and its published file is
    /// deleted. A zone added again later therefore starts from its static definition: the dynamic records of
    /// its earlier life are not resurrected (DHCP clients register again on their next renewal).
    /// A zone the store does not serve only has leftover files (if any) moved aside, e.g. of a resource
    /// deleted while the sidecar was down. Watchers get a <see cref="ZoneChangeKind.Removed"/> change.
    /// </summary>
    /// <returns>True when the zone was served.</returns>
    public async Task<bool> RemoveZoneAsync(DnsName zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var served = _slots.TryGetValue(zone, out var slot);
            uint? lastSerial = null;
            if (slot is not null)
            {
                _slots = _slots.Remove(zone);
                await slot.StopAsync().ConfigureAwait(false);
                lastSerial = slot.Current.Serial;
            }

            await Task.Run(() => Retire(zone), CancellationToken.None).ConfigureAwait(false);
            if (lastSerial is { } serial)
            {
                Publish(new ZoneChange(zone, serial) { Kind = ZoneChangeKind.Removed });
            }

            return served;
        }
        finally
        {
            _membership.Release();
        }
    }

    private void Retire(DnsName zone)
    {
        var fileName = ZoneSlot.FileName(zone);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture);
        var retired = Path.Combine(_options.Directory, RetiredDirectoryName);
        foreach (var extension in new[] { ".zone", ".journal" })
        {
            var path = Path.Combine(_options.Directory, fileName + extension);
            if (File.Exists(path))
            {
                Directory.CreateDirectory(retired);
                File.Move(path, Path.Combine(retired, $"{fileName}.{stamp}{extension}"));
            }
        }

        File.Delete(Path.Combine(_options.Directory, fileName + ".journal.compacting"));
        if (_options.PublishDirectory is { } publish
            && Path.GetFullPath(publish).TrimEnd('/') != Path.GetFullPath(_options.Directory).TrimEnd('/'))
        {
            File.Delete(Path.Combine(publish, fileName + ".zone"));
        }

        Fos1.Outbox.Journaling.DirectorySync.Flush(_options.Directory);
    }
}
