namespace Fos1.Sidecars.Dns.Zones;

/// <summary>The zones the resources ask for (each apex once), and the resources that got none (Invalid, Conflict).</summary>
public sealed record DesiredZones(IReadOnlyList<DesiredZone> Zones, IReadOnlyList<ZoneCrOutcome> Rejected);
