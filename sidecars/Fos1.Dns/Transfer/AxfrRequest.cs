using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Transfer;

/// <summary>The AXFR query (RFC 5936 section 4.1.1): one question ZONE AXFR IN, optionally TSIG-signed.</summary>
internal static class AxfrRequest
{
    private const ushort TypeAxfr = 252;

    /// <returns>The message and the request MAC (empty when unsigned).</returns>
    public static (byte[] Message, byte[] Mac) Build(DnsName zone, ushort id, TsigKey? key, DateTimeOffset now)
    {
        var buffer = new byte[12 + WireNames.MaxLength(zone) + 4 + (key is null ? 0 : TsigSigner.MaxLength(key))];
        var writer = new WireWriter(buffer);
        writer.U16(id);
        writer.U16(0);
        writer.U16(1);
        writer.U16(0);
        writer.U16(0);
        writer.U16(0);
        writer.Name(zone, compress: false);
        writer.U16(TypeAxfr);
        writer.U16(1);
        var mac = key is null ? [] : TsigSigner.AppendTsig(ref writer, id, key, now);
        var message = writer.Written.ToArray();
        return (message, mac);
    }
}
