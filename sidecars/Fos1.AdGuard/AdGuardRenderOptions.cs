namespace Fos1.AdGuard;

/// <summary>
/// The parts of AdGuardHome.yaml that do not come from CRs. The admin password is a bcrypt hash (AdGuard stores
/// only the hash); it and the user name come from a Secret.
/// </summary>
public sealed record AdGuardRenderOptions
{
    /// <summary>AdGuard accepts only these intervals (hours) for filter list updates; 0 = never.</summary>
    public static IReadOnlySet<int> AllowedUpdateIntervals { get; } = new HashSet<int> { 0, 1, 12, 24, 72, 168 };

    public IReadOnlyList<string> BindHosts { get; init; } = ["0.0.0.0"];

    public int DnsPort { get; init; } = 53;

    /// <summary>The web UI / HTTP API address, host:port.</summary>
    public string HttpAddress { get; init; } = "0.0.0.0:3000";

    /// <summary>Global upstreams; AdGuard's own default when none are configured.</summary>
    public IReadOnlyList<string> Upstreams { get; init; } = ["https://dns10.quad9.net/dns-query"];

    public IReadOnlyList<string> BootstrapDns { get; init; } = ["9.9.9.10", "149.112.112.10", "2620:fe::10", "2620:fe::fe:10"];

    public string AdminUser { get; init; } = "admin";

    /// <summary>bcrypt hash ($2a$/$2b$/$2y$...) of the admin password.</summary>
    public string AdminPasswordHash { get; init; } = "";

    public int FiltersUpdateIntervalHours { get; init; } = 24;

    /// <summary>What is wrong with these options, one message per problem (empty = usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BindHosts.Count == 0 || BindHosts.Any(h => !System.Net.IPAddress.TryParse(h, out _)))
        {
            errors.Add("bindHosts: at least one IP address, and only IP addresses");
        }

        if (DnsPort is < 1 or > 65535)
        {
            errors.Add($"dnsPort: {DnsPort} is not a port");
        }

        if (!System.Net.IPEndPoint.TryParse(HttpAddress, out var http) || http.Port == 0)
        {
            errors.Add($"httpAddress: '{HttpAddress}' is not ip:port");
        }

        if (Upstreams.Count == 0 || Upstreams.Any(u => string.IsNullOrWhiteSpace(u) || u.Any(char.IsWhiteSpace)))
        {
            errors.Add("upstreams: at least one, each one address or URL without spaces");
        }

        if (string.IsNullOrWhiteSpace(AdminUser))
        {
            errors.Add("adminUser: required");
        }

        if (!AdminPasswordHash.StartsWith("$2", StringComparison.Ordinal) || AdminPasswordHash.Length < 59)
        {
            errors.Add("adminPasswordHash: must be a bcrypt hash ($2a$/$2b$/$2y$...)");
        }

        if (!AllowedUpdateIntervals.Contains(FiltersUpdateIntervalHours))
        {
            errors.Add($"filtersUpdateIntervalHours: {FiltersUpdateIntervalHours} is not one of 0, 1, 12, 24, 72, 168");
        }

        return errors;
    }
}
