using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// The leases Kea itself holds as active (state 0), through lease_cmds' <c>lease4-get-all</c> / <c>lease6-get-all</c>
/// (<see cref="KeaHookLibrary.LeaseCommands"/> must be loaded). Unlike the lease file this is right while and after
/// kea-lfc rotates the file.
/// </summary>
public static class KeaActiveLeases
{
    public static async Task<IReadOnlyList<MemfileLease>> ReadAsync(KeaDhcpServer kea, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kea);
        var reply = await kea.SendCommandAsync($"lease{kea.Family}-get-all", null, cancellationToken).ConfigureAwait(false);
        if (reply.Result == KeaCommandResult.Empty)
        {
            return [];
        }

        if (reply.Result != KeaCommandResult.Success || reply.Arguments?["leases"] is not JsonArray leases)
        {
            throw new InvalidOperationException($"lease{kea.Family}-get-all failed: {reply.RawJson}");
        }

        return leases.OfType<JsonObject>()
            .Where(lease => (int?)lease["state"] is null or 0 && (string?)lease["type"] is null or "IA_NA")
            .Select(lease =>
            {
                var validLifetime = (long)lease["valid-lft"]!;
                return new MemfileLease(
                    IPAddress.Parse((string)lease["ip-address"]!),
                    (string?)lease["hw-address"] ?? (string?)lease["duid"] ?? "",
                    validLifetime,
                    DateTimeOffset.FromUnixTimeSeconds((long)lease["cltt"]! + validLifetime),
                    ((string?)lease["hostname"] ?? "").ToString(CultureInfo.InvariantCulture));
            })
            .ToList();
    }
}
