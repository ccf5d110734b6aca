using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Fos1.Ddns;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Ncr;

/// <summary>
/// Kea's NameChangeRequest wire format (ncr-protocol UDP, ncr-format JSON): a 2-octet big-endian
/// length followed by that many octets of JSON. Field names and meanings follow Kea's
/// dhcp_ddns::NameChangeRequest so the sidecar is a drop-in receiver for kea-dhcp4/6.
/// </summary>
public static class NameChangeRequestCodec
{
    private const string ExpiryFormat = "yyyyMMddHHmmss";

    public static NcrDecodeResult Decode(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 2)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.Truncated, $"datagram of {datagram.Length} octets has no length prefix");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram);
        var body = datagram[2..];
        if (body.Length < length)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.Truncated, $"length prefix says {length} octets but {body.Length} arrived");
        }

        return DecodeJson(body[..length]);
    }

    public static NcrDecodeResult DecodeJson(ReadOnlySpan<byte> json)
    {
        // The JSON reader checks structure but not the bytes inside strings; reading such a string later
        // throws. Found by NcrDecodeFuzzTests.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadJson, "the request is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadJson, "no JSON value");
            }

            document = parsed;
        }
        catch (JsonException e)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadJson, e.Message);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? DecodeObject(document.RootElement)
                : NcrDecodeResult.Fail(NcrDecodeErrorKind.BadJson, $"top level is {document.RootElement.ValueKind}, not an object");
        }
    }

    private static NcrDecodeResult DecodeObject(JsonElement root)
    {
        var fields = new NcrFields(root);
        if (!fields.Int("change-type", out var changeType) || !fields.Bool("forward-change", out var forward) ||
            !fields.Bool("reverse-change", out var reverse) || !fields.String("fqdn", out var fqdnText) ||
            !fields.String("ip-address", out var addressText) || !fields.String("dhcid", out var dhcidText) ||
            !fields.String("lease-expires-on", out var expiresText) || !fields.Int("lease-length", out var leaseLength))
        {
            return fields.Error!.Value;
        }

        // Kea 2.2 always sends it; older senders did not and meant "on".
        var conflictResolution = true;
        if (root.TryGetProperty("use-conflict-resolution", out _) && !fields.Bool("use-conflict-resolution", out conflictResolution))
        {
            return fields.Error!.Value;
        }

        if (changeType is not (0 or 1))
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadValue, $"change-type {changeType} is neither 0 (add) nor 1 (remove)");
        }

        if (!forward && !reverse)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadValue, "neither forward-change nor reverse-change is set");
        }

        if (leaseLength < 0)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadValue, $"lease-length {leaseLength} is negative");
        }

        if (!DnsName.TryParse(fqdnText, out var fqdn, out var fqdnError) || fqdn == DnsName.Root)
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadFqdn, $"fqdn '{fqdnText}': {fqdnError ?? "the root is no host name"}");
        }

        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadAddress, $"ip-address '{addressText}' is not an IPv4 or IPv6 address");
        }

        if (!Dhcid.TryParseHex(dhcidText, out var dhcid, out var dhcidError))
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadDhcid, dhcidError!);
        }

        if (!DateTime.TryParseExact(expiresText, ExpiryFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
        {
            return NcrDecodeResult.Fail(NcrDecodeErrorKind.BadValue, $"lease-expires-on '{expiresText}' is not YYYYMMDDHHMMSS");
        }

        return NcrDecodeResult.Ok(new NameChange(
            changeType == 0 ? NameChangeKind.Add : NameChangeKind.Remove,
            forward,
            reverse,
            fqdn,
            address,
            dhcid!,
            (uint)leaseLength,
            conflictResolution,
            new DateTimeOffset(expires, TimeSpan.Zero)));
    }

    /// <summary>Encodes a change the way Kea sends it (used by tests, the local stack and the bench).</summary>
    public static byte[] Encode(NameChange change)
    {
        // Written field by field (not JsonSerializer over a dictionary) so the native (AOT) build needs no reflection.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("change-type", change.Kind == NameChangeKind.Add ? 0 : 1);
            writer.WriteBoolean("forward-change", change.Forward);
            writer.WriteBoolean("reverse-change", change.Reverse);
            writer.WriteString("fqdn", change.Fqdn.ToString());
            writer.WriteString("ip-address", change.Address.ToString());
            writer.WriteString("dhcid", change.Dhcid.ToHex());
            writer.WriteString("lease-expires-on", (change.LeaseExpiresOn ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString(ExpiryFormat, CultureInfo.InvariantCulture));
            writer.WriteNumber("lease-length", change.Ttl);
            writer.WriteBoolean("use-conflict-resolution", change.UseConflictResolution);
            writer.WriteEndObject();
        }

        var json = buffer.WrittenSpan;
        var datagram = new byte[json.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, checked((ushort)json.Length));
        json.CopyTo(datagram.AsSpan(2));
        return datagram;
    }

    public static string Describe(ReadOnlySpan<byte> datagram, int max = 120)
    {
        var text = Encoding.UTF8.GetString(datagram[..Math.Min(datagram.Length, max)]);
        return datagram.Length > max ? text + "..." : text;
    }
}
