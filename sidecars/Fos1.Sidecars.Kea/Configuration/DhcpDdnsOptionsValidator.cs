using System.Net;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// Fails start-up with messages that name the offending key, so a bad config stops the pod at once
/// instead of at the first lease.
/// </summary>
public sealed class DhcpDdnsOptionsValidator : IValidateOptions<DhcpDdnsOptions>
{
    private static readonly string[] Algorithms =
        ["HMAC-MD5", "HMAC-SHA1", "HMAC-SHA224", "HMAC-SHA256", "HMAC-SHA384", "HMAC-SHA512"];

    public ValidateOptionsResult Validate(string? name, DhcpDdnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string root = DhcpDdnsOptions.SectionName;

        if (!IPAddress.TryParse(options.IpAddress, out _))
        {
            errors.Add($"{root}:ip-address '{options.IpAddress}' is not an IP address");
        }

        CheckPort(errors, $"{root}:port", options.Port);
        if (options.DnsServerTimeout is < 1 or > 60_000)
        {
            errors.Add($"{root}:dns-server-timeout {options.DnsServerTimeout} ms is outside 1..60000");
        }

        if (!string.Equals(options.NcrProtocol, "UDP", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{root}:ncr-protocol '{options.NcrProtocol}' is not supported (Kea only sends UDP)");
        }

        if (!string.Equals(options.NcrFormat, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{root}:ncr-format '{options.NcrFormat}' is not supported (Kea only sends JSON)");
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.TsigKeys.Count; i++)
        {
            var key = options.TsigKeys[i];
            var path = $"{root}:tsig-keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name) || !keys.Add(key.Name))
            {
                errors.Add($"{path}:name '{key.Name}' is empty or used twice");
            }

            if (!Algorithms.Contains(key.Algorithm, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{path}:algorithm '{key.Algorithm}' is not one of {string.Join(", ", Algorithms)}");
            }

            if (string.IsNullOrEmpty(key.SecretFile) && !IsBase64(key.Secret))
            {
                errors.Add($"{path}:secret is missing or not base64 (and no secret-file is given)");
            }
        }

        CheckDomains(errors, $"{root}:forward-ddns:ddns-domains", options.ForwardDdns.DdnsDomains, keys);
        CheckDomains(errors, $"{root}:reverse-ddns:ddns-domains", options.ReverseDdns.DdnsDomains, keys);
        if (options.ForwardDdns.DdnsDomains.Count + options.ReverseDdns.DdnsDomains.Count == 0)
        {
            errors.Add($"{root}: neither forward-ddns nor reverse-ddns has a ddns-domain: there is nothing to update");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckDomains(List<string> errors, string path, List<DdnsDomainOptions> domains, HashSet<string> keys)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < domains.Count; i++)
        {
            var domain = domains[i];
            var at = $"{path}:{i}";
            if (!Fos1.Ddns.DnsName.TryParse(domain.Name, out var zone, out var problem) || !names.Add(zone.Text))
            {
                errors.Add($"{at}:name '{domain.Name}' is not a zone name or is listed twice ({problem ?? "duplicate"})");
            }

            CheckKey(errors, $"{at}:key-name", domain.KeyName, keys);
            if (domain.DnsServers.Count == 0)
            {
                errors.Add($"{at}:dns-servers is empty");
            }

            for (var s = 0; s < domain.DnsServers.Count; s++)
            {
                var server = domain.DnsServers[s];
                if (!IPAddress.TryParse(server.IpAddress, out _))
                {
                    errors.Add($"{at}:dns-servers:{s}:ip-address '{server.IpAddress}' is not an IP address");
                }

                CheckPort(errors, $"{at}:dns-servers:{s}:port", server.Port);
                CheckKey(errors, $"{at}:dns-servers:{s}:key-name", server.KeyName, keys);
            }
        }
    }

    private static void CheckKey(List<string> errors, string path, string? keyName, HashSet<string> keys)
    {
        if (!string.IsNullOrEmpty(keyName) && !keys.Contains(keyName))
        {
            errors.Add($"{path} '{keyName}' names no key in tsig-keys");
        }
    }

    private static void CheckPort(List<string> errors, string path, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{path} {port} is outside 1..65535");
        }
    }

    private static bool IsBase64(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written > 0;
    }
}
