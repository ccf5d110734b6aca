using System.Globalization;

namespace Fos1.Testbed.Kea;

/// <summary>
/// Writes a DHCPv4 memfile lease file in Kea 2.2's format (the header <see cref="MemfileLeases"/> reads), for a Kea
/// that is about to start and load it: the fast way to give a lab tens of thousands of active leases.
/// </summary>
public static class MemfileLeaseWriter
{
    public const string Header4 = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context";

    public static async Task WriteAsync(string path, IEnumerable<MemfileLease4Row> leases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leases);
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16);
        await writer.WriteAsync(Header4 + "\n").ConfigureAwait(false);
        foreach (var lease in leases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (lease.Hostname.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"the hostname of {lease.Address} contains a comma: {lease.Hostname}", nameof(leases));
            }

            await writer.WriteAsync(Row(lease)).ConfigureAwait(false);
        }
    }

    /// <summary>One CSV line (with its newline): fqdn_fwd and fqdn_rev set, state 0 (default), no user context.</summary>
    public static string Row(MemfileLease4Row lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return string.Create(CultureInfo.InvariantCulture,
            $"{lease.Address},{ColonHex(lease.HardwareAddress)},{ColonHex(lease.ClientId)},{lease.ValidLifetime},{lease.Expires.ToUnixTimeSeconds()},{lease.SubnetId},1,1,{lease.Hostname},0,\n");
    }

    private static string ColonHex(byte[]? bytes) =>
        bytes is null ? "" : string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
