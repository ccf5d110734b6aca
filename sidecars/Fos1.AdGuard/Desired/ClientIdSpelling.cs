using System.Net;

namespace Fos1.AdGuard.Desired;

/// <summary>AdGuard reports client ids in canonical form; desired ids are spelled the same way so a diff is stable.</summary>
internal static class ClientIdSpelling
{
    public static string Canonical(string id)
    {
        if (id.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(id, out var network))
        {
            return network.ToString();
        }

        if (IPAddress.TryParse(id, out var address))
        {
            return address.ToString();
        }

        // A MAC (either separator) becomes lower-case with colons; a ClientID is already lower-case.
        return id.Length == 17 && (id[2] is ':' or '-') ? id.Replace('-', ':').ToLowerInvariant() : id;
    }
}
