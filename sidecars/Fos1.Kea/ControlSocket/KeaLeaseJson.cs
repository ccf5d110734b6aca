using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.ControlSocket;

/// <summary>
/// Turns one lease object of <c>lease4-get-page</c> / <c>lease6-get-page</c> into a <see cref="KeaLease"/>. Kea's
/// lease JSON carries no hardware type; it is Ethernet (1), which is what Kea's DHCID uses for such leases too.
/// </summary>
public static class KeaLeaseJson
{
    private const byte Ethernet = 1;

    public static bool TryParse(JsonObject json, int family, [NotNullWhen(true)] out KeaLease? lease, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json.ToJsonString());
        return TryParse(document.RootElement, family, out lease, out error);
    }

    /// <summary>
    /// The same over a lease of a parsed page: reading the page's elements directly spares the JSON node tree
    /// (a dictionary and a node per field, some 1.5 KB per lease) that 100,000 leases would otherwise allocate.
    /// </summary>
    public static bool TryParse(JsonElement json, int family, [NotNullWhen(true)] out KeaLease? lease, [NotNullWhen(false)] out string? error)
    {
        lease = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return false;
        }

        var addressText = Text(json, "ip-address");
        if (!IPAddress.TryParse(addressText, out var address)
            || address.AddressFamily != (family == 6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
        {
            error = $"ip-address '{addressText}' is not an IPv{family} address";
            return false;
        }

        if (!ColonHex.TryParse(Text(json, "hw-address"), out var hardwareAddress))
        {
            return Fail(address, "hw-address", json, out error);
        }

        if (!ColonHex.TryParse(Text(json, "client-id"), out var clientId))
        {
            return Fail(address, "client-id", json, out error);
        }

        if (!ColonHex.TryParse(Text(json, "duid"), out var duid))
        {
            return Fail(address, "duid", json, out error);
        }

        if (!TryUInt(json, "valid-lft", out var validLifetime) || !TryLong(json, "cltt", out var cltt)
            || !TryUInt(json, "subnet-id", out var subnetId))
        {
            error = $"lease {address}: valid-lft, cltt and subnet-id must be non-negative integers";
            return false;
        }

        // Same guard as the memfile parser (found there by fuzzing): a cltt past year 9999 must not throw.
        if (cltt > DateTimeOffset.MaxValue.ToUnixTimeSeconds() - validLifetime)
        {
            error = $"lease {address}: cltt {cltt} plus valid-lft is beyond any representable time";
            return false;
        }

        var state = TryUInt(json, "state", out var stateValue) && stateValue <= 2 ? (KeaLeaseState)stateValue : (KeaLeaseState?)null;
        if (json.TryGetProperty("state", out var stateJson) && stateJson.ValueKind != JsonValueKind.Null && state is null)
        {
            return Fail(address, "state", json, out error);
        }

        LeaseType type;
        uint iaid = 0;
        if (family == 6)
        {
            type = Text(json, "type") switch
            {
                "IA_NA" or null => LeaseType.IaNa,
                "IA_TA" => LeaseType.IaTa,
                "IA_PD" => LeaseType.IaPd,
                var other => (LeaseType)(-1),
            };
            if (!Enum.IsDefined(type) || !TryUInt(json, "iaid", out iaid) || duid.Length == 0)
            {
                error = $"lease {address}: a v6 lease needs a duid, an iaid and type IA_NA, IA_TA or IA_PD";
                return false;
            }
        }
        else
        {
            type = LeaseType.V4;
        }

        var hostname = Text(json, "hostname");
        lease = new KeaLease(
            new Lease(
                address,
                type,
                Ethernet,
                hardwareAddress.Length == 0 ? null : hardwareAddress,
                clientId.Length == 0 ? null : clientId,
                duid.Length == 0 ? null : duid,
                iaid,
                string.IsNullOrEmpty(hostname) ? null : hostname,
                Flag(json, "fqdn-fwd"),
                Flag(json, "fqdn-rev"),
                validLifetime,
                DateTimeOffset.FromUnixTimeSeconds(cltt + validLifetime),
                subnetId),
            state ?? KeaLeaseState.Default);
        error = null;
        return true;
    }

    private static bool Fail(IPAddress address, string field, JsonElement json, out string error)
    {
        error = $"lease {address}: {field} '{(json.TryGetProperty(field, out var value) ? value.GetRawText() : "")}' is malformed";
        return false;
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static bool TryUInt(JsonElement json, string name, out uint result)
    {
        result = 0;
        return json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            && number is >= 0 and <= uint.MaxValue && (result = (uint)number) == number;
    }

    private static bool TryLong(JsonElement json, string name, out long result)
    {
        result = 0;
        return json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out result) && result >= 0;
    }
}
