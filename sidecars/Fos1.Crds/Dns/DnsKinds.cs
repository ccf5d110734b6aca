using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dns;

/// <summary>Where the API server serves the dns.fos1.io kinds.</summary>
public static class DnsKinds
{
    public const string Group = "dns.fos1.io";
    public const string Version = "v1alpha1";

    public static ResourceKind Zone { get; } = new(Group, Version, "dnszones", "DNSZone");

    public static ResourceKind PtrZone { get; } = new(Group, Version, "ptrzones", "PTRZone");

    public static ResourceKind FilterList { get; } = new(Group, Version, "dnsfilterlists", "DNSFilterList");

    public static ResourceKind Client { get; } = new(Group, Version, "dnsclients", "DNSClient");

    public static ResourceKind MdnsReflector { get; } = new(Group, Version, "mdnsreflectors", "MDNSReflector");
}
