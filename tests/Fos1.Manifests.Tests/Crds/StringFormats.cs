using System.Globalization;
using System.Text.RegularExpressions;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>The OpenAPI string formats our CRDs use, as strict as the API server's.</summary>
internal static partial class StringFormats
{
    public static bool Matches(string format, string text) => format switch
    {
        "ipv4" => KubernetesIp.TryParse(text, out var v4) && v4.Family == 4,
        "ipv6" => KubernetesIp.TryParse(text, out var v6) && v6.Family == 6,
        "cidr" => KubernetesCidr.TryParse(text, out _),
        "date-time" => Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "int64" or "int32" => true,
        _ => throw new NotSupportedException($"format '{format}' is outside the checked subset"),
    };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex Rfc3339();
}
