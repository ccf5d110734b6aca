using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// The Kubernetes CEL <c>net.CIDR</c> type (Go's netip.Prefix): host bits are kept, so
/// "192.168.1.5/24" parses and differs from its <see cref="Masked"/> form.
/// </summary>
internal sealed partial record KubernetesCidr(KubernetesIp Ip, long PrefixLength)
{
    public static KubernetesCidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"network address parse error during conversion from string: \"{text}\"");

    public static bool TryParse(string text, [NotNullWhen(true)] out KubernetesCidr? cidr)
    {
        cidr = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !KubernetesIp.TryParse(text[..slash], out var ip) || !PrefixDigits().IsMatch(text[(slash + 1)..]))
        {
            return false;
        }

        var length = long.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
        if (length > (ip.Family == 4 ? 32 : 128))
        {
            return false;
        }

        cidr = new KubernetesCidr(ip, length);
        return true;
    }

    public KubernetesCidr Masked() => this with { Ip = new KubernetesIp(Mask(Ip.Address)) };

    public bool ContainsIp(KubernetesIp other) =>
        other.Family == Ip.Family && Mask(other.Address).Equals(Mask(Ip.Address));

    public bool ContainsCidr(KubernetesCidr other) =>
        other.Ip.Family == Ip.Family && other.PrefixLength >= PrefixLength && ContainsIp(other.Ip);

    public override string ToString() => $"{Ip}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private IPAddress Mask(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = (int)Math.Clamp(PrefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    [GeneratedRegex("^(0|[1-9][0-9]{0,2})$")]
    private static partial Regex PrefixDigits();
}
