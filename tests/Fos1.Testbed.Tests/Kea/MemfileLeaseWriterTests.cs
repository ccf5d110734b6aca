using System.Net;
using Fos1.Testbed.Kea;

namespace Fos1.Testbed.Tests.Kea;

/// <summary>A lease file written before Kea starts reads back as the leases written.</summary>
public sealed class MemfileLeaseWriterTests
{
    [Fact]
    public void A_row_is_Kea_2_2s_csv_with_colon_hex_identifiers_and_both_dns_flags_set()
    {
        var row = new MemfileLease4Row(IPAddress.Parse("10.64.0.1"), [2, 0, 0, 0, 0, 1], [1, 2, 0, 0, 0, 0, 1], 86_400,
            DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), 1, "h0.home.arpa");

        Assert.Equal("10.64.0.1,02:00:00:00:00:01,01:02:00:00:00:00:01,86400,1800000000,1,1,1,h0.home.arpa,0,\n", MemfileLeaseWriter.Row(row));
    }

    [Fact]
    public async Task Written_leases_read_back_in_order()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("fos1-memfile-writer-").FullName, "leases4.csv");
        try
        {
            var expires = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
            var rows = Enumerable.Range(1, 3).Select(i => new MemfileLease4Row(
                IPAddress.Parse($"10.64.0.{i}"), [2, 0, 0, 0, 0, (byte)i], null, 600, expires, 1, $"h{i}.home.arpa")).ToList();

            await MemfileLeaseWriter.WriteAsync(path, rows);

            var leases = await MemfileLeases.ReadCurrentAsync(path);
            Assert.Equal(
                [("10.64.0.1", "02:00:00:00:00:01", "h1.home.arpa"), ("10.64.0.2", "02:00:00:00:00:02", "h2.home.arpa"), ("10.64.0.3", "02:00:00:00:00:03", "h3.home.arpa")],
                leases.Select(l => (l.Address.ToString(), l.ClientIdentifier, l.Hostname)));
            Assert.All(leases, l => Assert.Equal((600L, expires), (l.ValidLifetime, l.Expires)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_hostname_with_a_comma_is_refused()
    {
        var row = new MemfileLease4Row(IPAddress.Parse("10.64.0.1"), [2, 0, 0, 0, 0, 1], null, 600, DateTimeOffset.UnixEpoch, 1, "a,b.home.arpa");

        var directory = Directory.CreateTempSubdirectory("fos1-memfile-writer-").FullName;
        try
        {
            await Assert.ThrowsAsync<ArgumentException>(() => MemfileLeaseWriter.WriteAsync(Path.Combine(directory, "leases4.csv"), [row]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
