using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Fos1.Ddns;

namespace Fos1.Ctl.Dhcid;

/// <summary>
/// A DHCID exactly as Kea computes it (<see cref="ClientIdentity"/>, RFC 4701 digest type 1), from an identifier in
/// the spelling Kea shows it (colon hex "aa:bb:cc", or plain hex) and the client's FQDN.
/// </summary>
public sealed record DhcidCalculation(ClientIdentity Identity, DnsName Fqdn, Fos1.Ddns.Dhcid Dhcid)
{
    /// <param name="hardwareType">htype for <paramref name="hardwareAddress"/> (1: Ethernet).</param>
    public static bool TryCompute(
        string? hardwareAddress, byte hardwareType, string? clientId, string? duid, string? fqdn,
        [NotNullWhen(true)] out DhcidCalculation? calculation, [NotNullWhen(false)] out string? error)
    {
        calculation = null;
        var given = new[] { ("--hw-address", hardwareAddress), ("--client-id", clientId), ("--duid", duid) }
            .Where(g => !string.IsNullOrEmpty(g.Item2)).ToList();
        if (given.Count != 1)
        {
            error = "give exactly one of --hw-address, --client-id, --duid";
            return false;
        }

        var (option, text) = given[0];
        if (!TryParseOctets(text!, out var octets))
        {
            error = $"{option} '{text}' is not hex octets (aa:bb:cc or aabbcc)";
            return false;
        }

        if (!DnsName.TryParse(fqdn, out var name, out var nameError) || name == DnsName.Root)
        {
            error = $"--fqdn '{fqdn}' is not a host name: {nameError ?? "the root"}";
            return false;
        }

        ClientIdentity identity;
        try
        {
            identity = option switch
            {
                "--hw-address" => ClientIdentity.FromHardwareAddress(hardwareType, octets),
                "--duid" => ClientIdentity.FromDuid(octets),
                _ => ClientIdentity.FromClientIdentifier(octets),
            };
        }
        catch (ArgumentException e)
        {
            error = $"{option}: {e.Message}";
            return false;
        }

        calculation = new DhcidCalculation(identity, name, identity.ComputeDhcid(name));
        error = null;
        return true;
    }

    /// <summary>"aa:bb:cc", "aa-bb-cc", "aabbcc" or "0xaabbcc".</summary>
    public static bool TryParseOctets(string text, out byte[] octets)
    {
        octets = [];
        var hex = (text ?? "").Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        hex = hex.Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }

        octets = Convert.FromHexString(hex);
        return true;
    }

    public string Render() => string.Join('\n',
        $"identifier: {Identity}",
        $"fqdn:       {Fqdn}",
        $"dhcid:      {Dhcid}",
        $"hex:        {Dhcid.ToHex()}",
        string.Create(CultureInfo.InvariantCulture, $"record:     {Fqdn} IN DHCID {Dhcid}")) + "\n";
}
