using System.Net;

namespace Fos1.Kea.Memfile;

/// <summary>
/// What the tail needs after a rotation to notice rows it never saw: the rotated files, opened in an order that
/// survives kea-lfc renaming them meanwhile, and the rows where they disagree with what was followed.
/// </summary>
internal static class MemfileCatchUp
{
    /// <summary>The lease state the rotated files hold, last row per address winning, deleted leases dropped.</summary>
    public static async Task<Dictionary<IPAddress, MemfileRow>> ReadRotatedAsync(string leaseFile, CancellationToken cancellationToken)
    {
        var state = new Dictionary<IPAddress, MemfileRow>();
        foreach (var file in OpenRotatedFiles(leaseFile))
        {
            using (file)
            {
                // Malformed rows were counted when the tail first read them; here they are only skipped.
                foreach (var row in await MemfileRows.ReadAsync(file, final: true, (_, _) => { }, cancellationToken).ConfigureAwait(false))
                {
                    state.Apply(row);
                }
            }
        }

        return state;
    }

    /// <summary>
    /// The rotated files in replay order. <c>.1</c> is opened first: kea-lfc deletes it only after writing the
    /// merge to <c>.completed</c>, which becomes <c>.2</c>, so whichever of them is found holds its rows.
    /// </summary>
    private static List<LeaseFileCursor> OpenRotatedFiles(string leaseFile)
    {
        var first = LeaseFileCursor.TryOpen(leaseFile + ".1");
        var merged = LeaseFileCursor.TryOpen(leaseFile + ".completed") ?? LeaseFileCursor.TryOpen(leaseFile + ".2");
        return [.. new[] { merged, first }.OfType<LeaseFileCursor>()];
    }

    /// <summary>
    /// The rows to report so that <paramref name="followed"/> matches <paramref name="rotated"/> for every address
    /// not in <paramref name="newer"/>: changed rows as they are in the rotated files, and a deletion for an active
    /// lease the rotated files no longer hold (kea-lfc drops deleted leases).
    /// </summary>
    public static IEnumerable<MemfileRow> Differences(
        IReadOnlyDictionary<IPAddress, MemfileRow> followed, IReadOnlyDictionary<IPAddress, MemfileRow> rotated, IReadOnlySet<IPAddress> newer)
    {
        foreach (var (address, row) in rotated)
        {
            if (!newer.Contains(address) && (!followed.TryGetValue(address, out var known) || !SameRow(known, row)))
            {
                yield return row;
            }
        }

        foreach (var (address, row) in followed)
        {
            if (!newer.Contains(address) && row.IsActive && !rotated.ContainsKey(address))
            {
                yield return row with { Lease = row.Lease with { ValidLifetime = 0 } };
            }
        }
    }

    private static bool SameRow(MemfileRow a, MemfileRow b) =>
        a.State == b.State
        && a.Lease with { HardwareAddress = null, ClientId = null, Duid = null } == b.Lease with { HardwareAddress = null, ClientId = null, Duid = null }
        && Same(a.Lease.HardwareAddress, b.Lease.HardwareAddress)
        && Same(a.Lease.ClientId, b.Lease.ClientId)
        && Same(a.Lease.Duid, b.Lease.Duid);

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
