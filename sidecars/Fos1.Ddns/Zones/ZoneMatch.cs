namespace Fos1.Ddns.Zones;

/// <summary>The configured zone that holds a name, with what was configured for it.</summary>
public sealed record ZoneMatch<TDomain>(DnsName Zone, TDomain Domain);
