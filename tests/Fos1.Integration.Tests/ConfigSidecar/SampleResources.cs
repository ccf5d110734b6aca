namespace Fos1.Integration.Tests.ConfigSidecar;

/// <summary>
/// DNSFilterList and DNSClient resources as kubectl would apply them. <see cref="All"/> are the same as
/// tests/Fos1.AdGuard.Tests/Crs.cs, so a file rendered from them must equal that project's golden file.
/// </summary>
internal static class SampleResources
{
    public const string Ads = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: ads, namespace: home }
        spec:
          displayName: Ads
          urls: [https://lists.example/ads.txt]
          rules: ["||ads.example^"]
        """;

    public const string Allow = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: allow, namespace: home }
        spec:
          allowlist: true
          rules: ["||good.example^"]
        """;

    public const string KidsBlocklist = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: kids-blocklist, namespace: home }
        spec:
          rules: ["||games.example^", "||video.example^$important"]
        """;

    public const string Paused = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: paused, namespace: home }
        spec:
          enabled: false
          urls: [https://lists.example/paused.txt]
        """;

    /// <summary>Invalid: an ftp URL.</summary>
    public const string Broken = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: broken, namespace: home }
        spec:
          urls: [ftp://lists.example/x.txt]
        """;

    public const string KidsTablet = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSClient
        metadata: { name: kids-tablet, namespace: home }
        spec:
          displayName: Kids' tablet
          ids: [192.168.1.50, AA-BB-CC-DD-EE-FF]
          tags: [device_tablet]
          filterLists: [kids-blocklist]
          blockedServices:
            useGlobal: false
            ids: [youtube]
            schedule:
              timeZone: Europe/Berlin
              days:
                mon: { start: "15:00", end: "24:00" }
        """;

    public const string Laptop = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSClient
        metadata: { name: laptop, namespace: home }
        spec:
          ids: [192.168.1.60]
          upstreams: ["https://dns.quad9.net/dns-query"]
          safeSearch: { enabled: true }
        """;

    /// <summary>AdGuard Home refuses it (the stand-in cannot fetch URLs on unreachable.example).</summary>
    public const string Unfetchable = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata: { name: unfetchable, namespace: home }
        spec:
          urls: [https://unreachable.example/list.txt]
        """;

    /// <summary>Degraded: names a DNSFilterList that does not exist.</summary>
    public const string Tv = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSClient
        metadata: { name: tv, namespace: home }
        spec:
          ids: [192.168.1.70]
          filterLists: [nowhere]
        """;

    /// <summary>The resources of tests/Fos1.AdGuard.Tests/Crs.cs.</summary>
    public static IReadOnlyList<string> All { get; } = [Ads, Allow, KidsBlocklist, Paused, Broken, KidsTablet, Laptop];
}
