using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Tests;

/// <summary>Kea's NameChangeRequest wire form, built by hand: a 2-byte big-endian length, then JSON.</summary>
internal static class NcrDatagram
{
    public static byte[] Build(int changeType, string fqdn, string ipAddress, string dhcid, DateTime expiresUtc, int leaseLength)
    {
        var json = new JsonObject
        {
            ["change-type"] = changeType,
            ["forward-change"] = true,
            ["reverse-change"] = true,
            ["fqdn"] = fqdn,
            ["ip-address"] = ipAddress,
            ["dhcid"] = dhcid,
            ["lease-expires-on"] = expiresUtc.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            ["lease-length"] = leaseLength,
            ["use-conflict-resolution"] = true,
        }.ToJsonString();
        var body = Encoding.UTF8.GetBytes(json);
        var datagram = new byte[body.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, (ushort)body.Length);
        body.CopyTo(datagram, 2);
        return datagram;
    }

    public static async Task SendAsync(IPEndPoint to, byte[] datagram)
    {
        using var udp = new UdpClient(to.AddressFamily);
        await udp.SendAsync(datagram, to);
    }

    /// <summary>Receives one NCR and returns its JSON, checking the length prefix.</summary>
    public static async Task<JsonObject> ReceiveAsync(UdpClient listener, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var received = await listener.ReceiveAsync(deadline.Token);
        var length = BinaryPrimitives.ReadUInt16BigEndian(received.Buffer);
        Assert.Equal(received.Buffer.Length - 2, length);
        return JsonNode.Parse(received.Buffer.AsSpan(2))!.AsObject();
    }
}
