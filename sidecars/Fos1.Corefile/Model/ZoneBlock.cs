namespace Fos1.Corefile.Model;

/// <summary>
/// One zone CoreDNS serves from the dns sidecar: a DNSZone (forward) or a PTRZone (reverse, name from
/// <see cref="ReverseZoneName.For"/>). Only the settings of the chosen <see cref="Mode"/> are used.
/// </summary>
public sealed record ZoneBlock
{
    /// <summary>The zone apex, e.g. <c>home.arpa</c> or <c>1.168.192.in-addr.arpa</c>; a trailing dot is allowed.</summary>
    public required string Zone { get; init; }

    public required PublishMode Mode { get; init; }

    /// <summary>
    /// TTL cap of CoreDNS's <c>cache</c> plugin for this zone; 0 renders no cache at all. Dynamic zones
    /// keep it 0 or a few seconds, or a released lease's name lingers in the cache.
    /// </summary>
    public int CacheSeconds { get; init; }

    /// <summary><see cref="PublishMode.Grpc"/>: the sidecar's gRPC bridge, <c>127.0.0.1:PORT</c>.</summary>
    public string? GrpcAddress { get; init; }

    /// <summary><see cref="PublishMode.Secondary"/>: the primaries to transfer from, <c>ADDRESS</c> or <c>ADDRESS:PORT</c>.</summary>
    public IReadOnlyList<string> Primaries { get; init; } = [];

    /// <summary><see cref="PublishMode.File"/>: the zone file the sidecar publishes.</summary>
    public string? FilePath { get; init; }

    /// <summary><see cref="PublishMode.File"/>: how often CoreDNS checks the file's SOA serial; zero turns checking off.</summary>
    public TimeSpan FileReload { get; init; } = TimeSpan.FromSeconds(30);

    public static ZoneBlock Grpc(string zone, string grpcAddress, int cacheSeconds = 0) =>
        new() { Zone = zone, Mode = PublishMode.Grpc, GrpcAddress = grpcAddress, CacheSeconds = cacheSeconds };

    public static ZoneBlock Secondary(string zone, IReadOnlyList<string> primaries, int cacheSeconds = 0) =>
        new() { Zone = zone, Mode = PublishMode.Secondary, Primaries = primaries, CacheSeconds = cacheSeconds };

    public static ZoneBlock File(string zone, string filePath, TimeSpan reload, int cacheSeconds = 0) =>
        new() { Zone = zone, Mode = PublishMode.File, FilePath = filePath, FileReload = reload, CacheSeconds = cacheSeconds };
}
