using Fos1.Crds.Dns;
using k8s.Models;

namespace Fos1.AdGuard.Tests;

/// <summary>Custom resources for the tests, as an API server would hand them over.</summary>
internal static class Crs
{
    public static DnsFilterList List(string name, DnsFilterListSpec spec, string ns = "home") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec };

    public static DnsClient Client(string name, DnsClientSpec spec, string ns = "home") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec };

    public static DnsFilterList[] SampleLists() =>
    [
        List("ads", new DnsFilterListSpec { DisplayName = "Ads", Urls = ["https://lists.example/ads.txt"], Rules = ["||ads.example^"] }),
        List("allow", new DnsFilterListSpec { Allowlist = true, Rules = ["||good.example^"] }),
        List("kids-blocklist", new DnsFilterListSpec { Rules = ["||games.example^", "||video.example^$important"] }),
        List("paused", new DnsFilterListSpec { Enabled = false, Urls = ["https://lists.example/paused.txt"] }),
        List("broken", new DnsFilterListSpec { Urls = ["ftp://lists.example/x.txt"] }),
    ];

    public static DnsClient[] SampleClients() =>
    [
        Client("kids-tablet", new DnsClientSpec
        {
            DisplayName = "Kids' tablet",
            Ids = ["192.168.1.50", "AA-BB-CC-DD-EE-FF"],
            Tags = ["device_tablet"],
            FilterLists = ["kids-blocklist"],
            BlockedServices = new BlockedServices
            {
                UseGlobal = false,
                Ids = ["youtube"],
                Schedule = new BlockSchedule { TimeZone = "Europe/Berlin", Days = new WeekDays { Mon = new TimeRange { Start = "15:00", End = "24:00" } } },
            },
        }),
        Client("laptop", new DnsClientSpec { Ids = ["192.168.1.60"], Upstreams = ["https://dns.quad9.net/dns-query"], SafeSearch = new SafeSearch { Enabled = true } }),
    ];

    public static AdGuardRenderOptions Options() => new()
    {
        BindHosts = ["0.0.0.0"],
        HttpAddress = "0.0.0.0:3000",
        AdminUser = "admin",
        AdminPasswordHash = "$2y$10$C5d7qQbXf2m1bQk2i1mK8eJ0dQ9k3Jt9yq4q0r2VZg8aW2x6bG1Cq",
    };
}
