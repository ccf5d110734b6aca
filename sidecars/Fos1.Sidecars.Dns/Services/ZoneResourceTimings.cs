namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// How long start-up waits for the DNSZone/PTRZone lists before serving without them, and the shortest time
/// between two status refreshes caused by zone serial changes.
/// </summary>
public sealed record ZoneResourceTimings(TimeSpan SyncTimeout, TimeSpan SerialInterval);
