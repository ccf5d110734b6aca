using System.Globalization;
using System.Net;
using Fos1.Corefile.Model;
using Fos1.Corefile.Templates;
using Fos1.Corefile.Validation;

namespace Fos1.Sidecars.Dns.Configuration;

/// <summary>
/// The "DnsSidecar:Corefile" section: where to write CoreDNS's Corefile and the process-wide settings
/// in it. The zones come from "DnsSidecar:Zones" (each with its <see cref="ServedZoneOptions.PublishMode"/>)
/// until the DNSZone/PTRZone resources replace them.
/// </summary>
public sealed class CorefileOptions
{
    public const string SectionName = DnsSidecarOptions.SectionName + ":Corefile";

    /// <summary>The Corefile CoreDNS loads (a volume shared with it); writing is off when empty.</summary>
    public string? Path { get; set; }

    /// <summary>Templates replacing the built-in ones (the mounted corefile-templates ConfigMap); built-in when empty.</summary>
    public string? TemplatesDirectory { get; set; }

    public int ListenPort { get; set; } = 53;

    /// <summary>Whether a <c>.</c> block forwards everything else to <see cref="Upstreams"/>.</summary>
    public bool IncludeRoot { get; set; } = true;

    public List<string> Upstreams { get; set; } = [];

    /// <summary>TTL cap of the <c>.</c> block's cache; 0: none.</summary>
    public int RootCacheSeconds { get; set; } = 30;

    /// <summary>TTL cap of every served zone's cache; 0 (none) keeps released leases from lingering.</summary>
    public int CacheSeconds { get; set; }

    public int HealthPort { get; set; } = 8080;

    public int ReadyPort { get; set; } = 8181;

    public int PrometheusPort { get; set; } = 9153;

    public bool Log { get; set; } = true;

    /// <summary>How often CoreDNS's <c>reload</c> plugin checks the Corefile (at least 2).</summary>
    public int ReloadSeconds { get; set; } = 30;

    /// <summary>How often the <c>file</c> plugin checks a File-mode zone's SOA serial; 0: never.</summary>
    public int FileReloadSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrEmpty(Path);

    /// <exception cref="CorefileTemplateException">A template is missing from <see cref="TemplatesDirectory"/>.</exception>
    public CorefileTemplates LoadTemplates() =>
        TemplatesDirectory is { Length: > 0 } directory ? CorefileTemplates.FromDirectory(directory) : CorefileTemplates.BuiltIn;

    /// <summary>The spec the Corefile is rendered from: Grpc zones point at the gRPC bridge, File zones at the published files, Secondary zones at the UPDATE listener.</summary>
    public CorefileSpec ToSpec(DnsSidecarOptions sidecar) => ToSpec(sidecar, []);

    /// <summary>As <see cref="ToSpec(DnsSidecarOptions)"/>, plus the zones of DNSZone/PTRZone resources (their own mode and cache).</summary>
    public CorefileSpec ToSpec(DnsSidecarOptions sidecar, IEnumerable<Fos1.Sidecars.Dns.Zones.DesiredZone> resourceZones)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        ArgumentNullException.ThrowIfNull(resourceZones);
        return new CorefileSpec
        {
            ListenPort = ListenPort,
            IncludeRoot = IncludeRoot,
            Upstreams = Upstreams,
            RootCacheSeconds = RootCacheSeconds,
            HealthPort = HealthPort,
            ReadyPort = ReadyPort,
            PrometheusPort = PrometheusPort,
            Log = Log,
            ReloadInterval = TimeSpan.FromSeconds(ReloadSeconds),
            Zones =
            [
                .. sidecar.Zones.Select(zone => Block(zone.Name, zone.PublishMode, CacheSeconds, sidecar)),
                .. resourceZones.Select(zone => Block(zone.Origin.Text, zone.Mode, zone.CacheSeconds, sidecar)),
            ],
        };
    }

    /// <summary>The spec's problem restated against the configuration key that caused it.</summary>
    public string Describe(CorefileSpecError error, DnsSidecarOptions sidecar)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(sidecar);
        if (error.Zone is null)
        {
            var key = error.Field switch
            {
                nameof(CorefileSpec.ReloadInterval) => nameof(ReloadSeconds),
                nameof(CorefileSpec.Zones) => null,
                _ => error.Field,
            };
            return (key is null ? "DnsSidecar:Zones" : $"{SectionName}:{key}") + ": " + error.Message;
        }

        var index = sidecar.Zones.FindIndex(z => z.Name == error.Zone);
        var zoneKey = string.Create(CultureInfo.InvariantCulture, $"{DnsSidecarOptions.SectionName}:Zones:{index}");
        var zoneField = error.Field switch
        {
            nameof(ZoneBlock.Zone) => zoneKey + ":Name",
            nameof(ZoneBlock.Mode) => zoneKey + ":PublishMode",
            nameof(ZoneBlock.CacheSeconds) => $"{SectionName}:{nameof(CacheSeconds)}",
            nameof(ZoneBlock.FileReload) => $"{SectionName}:{nameof(FileReloadSeconds)}",
            nameof(ZoneBlock.GrpcAddress) => $"{DnsSidecarOptions.SectionName}:{nameof(DnsSidecarOptions.GrpcEndpoint)}",
            nameof(ZoneBlock.Primaries) => $"{DnsSidecarOptions.SectionName}:{nameof(DnsSidecarOptions.UpdateEndpoint)}",
            nameof(ZoneBlock.FilePath) => $"{DnsSidecarOptions.SectionName}:{nameof(DnsSidecarOptions.PublishDirectory)}",
            _ => zoneKey,
        };
        var mode = index >= 0 ? sidecar.Zones[index].PublishMode.ToString() : "?";
        return $"{zoneField}: {error.Message} (zone '{error.Zone}' with PublishMode {mode})";
    }

    private ZoneBlock Block(string zone, PublishMode mode, int cacheSeconds, DnsSidecarOptions sidecar) => mode switch
    {
        PublishMode.Grpc => new ZoneBlock
        {
            Zone = zone, Mode = PublishMode.Grpc, CacheSeconds = cacheSeconds, GrpcAddress = Reachable(sidecar.GrpcEndpoint),
        },
        PublishMode.Secondary => new ZoneBlock
        {
            Zone = zone, Mode = PublishMode.Secondary, CacheSeconds = cacheSeconds,
            Primaries = Reachable(sidecar.UpdateEndpoint) is { } primary ? [primary] : [],
        },
        _ => new ZoneBlock
        {
            Zone = zone, Mode = mode, CacheSeconds = cacheSeconds,
            FilePath = sidecar.PublishDirectory is { Length: > 0 } publish ? PublishedFile(publish, zone) : null,
            FileReload = TimeSpan.FromSeconds(FileReloadSeconds),
        },
    };

    // The zone store names published files by the lower-cased zone name without the trailing dot.
    private static string? PublishedFile(string directory, string zone) =>
        DnsName.TryParse(zone, out var name, out _)
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, name.Text.ToLowerInvariant() + ".zone"))
            : null;

    // CoreDNS runs in the same pod: a wildcard listener is reached on loopback.
    private static string? Reachable(string? endpoint)
    {
        if (string.IsNullOrEmpty(endpoint) || !IPEndPoint.TryParse(endpoint, out var parsed))
        {
            return endpoint;
        }

        if (parsed.Address.Equals(IPAddress.Any))
        {
            parsed.Address = IPAddress.Loopback;
        }
        else if (parsed.Address.Equals(IPAddress.IPv6Any))
        {
            parsed.Address = IPAddress.IPv6Loopback;
        }

        return parsed.ToString();
    }
}
