using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// The Kubernetes CEL <c>ip</c> type: Go's netip parsing, so no IPv4 leading zeros, no zones,
/// no IPv4-mapped IPv6 (IPAddress.TryParse alone would take "1" or "010.0.0.1").
/// </summary>
internal sealed partial record KubernetesIp(IPAddress Address)
{
    public long Family => Address.AddressFamily == AddressFamily.InterNetwork ? 4 : 6;

    public static KubernetesIp Parse(string text) =>
        TryParse(text, out var ip) ? ip : throw new FormatException($"IP Address \"{text}\" parse error");

    public static bool TryParse(string text, [NotNullWhen(true)] out KubernetesIp? ip)
    {
        ip = null;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!Ipv6Characters().IsMatch(text)
                || !IPAddress.TryParse(text, out var v6)
                || v6.AddressFamily != AddressFamily.InterNetworkV6
                || v6.IsIPv4MappedToIPv6)
            {
                return false;
            }

            ip = new KubernetesIp(v6);
            return true;
        }

        if (!DottedQuad().IsMatch(text) || text.Split('.').Any(o => int.Parse(o, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        ip = new KubernetesIp(IPAddress.Parse(text));
        return true;
    }

    public override string ToString() => Address.ToString();

    [GeneratedRegex("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex("^[0-9A-Fa-f:.]+$")]
    private static partial Regex Ipv6Characters();
}
