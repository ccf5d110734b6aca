using System.Net;

namespace Fos1.Kea.Memfile;

/// <summary>Reading a lease file's rows and replaying them onto a lease state: shared by the tail and its catch-up.</summary>
internal static class MemfileRows
{
    /// <summary>
    /// The rows of the complete lines written since the last read (<paramref name="final"/>: also an unterminated
    /// last line). The first line is the header; without a valid one no row of the file can be read by name, so
    /// every line is handed to <paramref name="reject"/> until a header parses.
    /// </summary>
    public static async Task<List<MemfileRow>> ReadAsync(
        LeaseFileCursor file, bool final, Action<string, string> reject, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await file.ReadLinesAsync(lines, final, cancellationToken).ConfigureAwait(false);
        var rows = new List<MemfileRow>(lines.Count);
        foreach (var line in lines.Where(line => line.Length > 0))
        {
            if (file.Header is null)
            {
                if (MemfileHeader.TryParse(line, out var header, out var headerError))
                {
                    file.Header = header;
                }
                else
                {
                    reject(line, headerError);
                }
            }
            else if (MemfileRowParser.TryParse(file.Header, line, out var row, out var error))
            {
                rows.Add(row);
            }
            else
            {
                reject(line, error);
            }
        }

        return rows;
    }

    /// <summary>Last row per address wins; a deletion row removes the address.</summary>
    public static void Apply(this Dictionary<IPAddress, MemfileRow> state, MemfileRow row)
    {
        if (row.IsDeletion)
        {
            state.Remove(row.Lease.Address);
        }
        else
        {
            state[row.Lease.Address] = row;
        }
    }
}
