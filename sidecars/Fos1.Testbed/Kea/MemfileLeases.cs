using System.Globalization;
using System.Net;

namespace Fos1.Testbed.Kea;

/// <summary>
/// Reads a memfile lease CSV. The file is a journal: a lease is written again on every change (Kea writes an
/// allocated v4 lease twice, the second time with the hostname), and a row with valid_lifetime 0 deletes it.
/// </summary>
public static class MemfileLeases
{
    /// <summary>The current leases: the last row per address, without deleted ones, in address order of first appearance.</summary>
    public static async Task<IReadOnlyList<MemfileLease>> ReadCurrentAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // Kea keeps the file open for appending; share it.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var content = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Parse(content);
    }

    internal static IReadOnlyList<MemfileLease> Parse(string content)
    {
        var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return [];
        }

        var header = lines[0].Split(',').Select((name, index) => (name, index)).ToDictionary(column => column.name, column => column.index);
        var identifierColumn = header.ContainsKey("duid") ? "duid" : "hwaddr";
        var current = new Dictionary<string, MemfileLease>();
        var order = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            var address = fields[header["address"]];
            var lifetime = long.Parse(fields[header["valid_lifetime"]], CultureInfo.InvariantCulture);
            if (lifetime == 0)
            {
                current.Remove(address);
                continue;
            }

            if (!order.Contains(address))
            {
                order.Add(address);
            }

            current[address] = new MemfileLease(
                IPAddress.Parse(address),
                fields[header[identifierColumn]],
                lifetime,
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[header["expire"]], CultureInfo.InvariantCulture)),
                fields[header["hostname"]].Replace("&#x2c", ",", StringComparison.Ordinal));
        }

        return order.Where(current.ContainsKey).Select(address => current[address]).ToList();
    }
}
