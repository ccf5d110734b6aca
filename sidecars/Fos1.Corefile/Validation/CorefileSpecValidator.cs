using System.Net;
using Fos1.Corefile.Model;
using Fos1.Ddns;

namespace Fos1.Corefile.Validation;

/// <summary>
/// Checks a spec before rendering, so that a bad DNSZone/PTRZone is reported against the resource that
/// caused it instead of CoreDNS keeping its old config and logging a parse error nobody reads.
/// </summary>
public static class CorefileSpecValidator
{
    // CoreDNS's reload plugin refuses shorter intervals; forward takes at most 15 upstreams.
    private static readonly TimeSpan MinimumReload = TimeSpan.FromSeconds(2);
    private const int MaxUpstreams = 15;

    public static IReadOnlyList<CorefileSpecError> Validate(CorefileSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<CorefileSpecError>();
        void Fail(string? zone, string field, string message) => errors.Add(new CorefileSpecError(zone, field, message));

        CheckPort(spec.ListenPort, nameof(spec.ListenPort), Fail);
        CheckPort(spec.HealthPort, nameof(spec.HealthPort), Fail);
        CheckPort(spec.ReadyPort, nameof(spec.ReadyPort), Fail);
        CheckPort(spec.PrometheusPort, nameof(spec.PrometheusPort), Fail);
        if (new[] { spec.HealthPort, spec.ReadyPort, spec.PrometheusPort }.Distinct().Count() < 3)
        {
            Fail(null, "HealthPort/ReadyPort/PrometheusPort", "the health, ready and prometheus listeners need three different ports");
        }

        if (spec.ReloadInterval < MinimumReload || !GoDuration.IsWholeSeconds(spec.ReloadInterval))
        {
            Fail(null, nameof(spec.ReloadInterval), $"must be whole seconds and at least 2 s (CoreDNS refuses less), got {spec.ReloadInterval}");
        }

        if (spec.RootCacheSeconds < 0)
        {
            Fail(null, nameof(spec.RootCacheSeconds), $"must be 0 (no cache) or more, got {spec.RootCacheSeconds}");
        }

        if (spec.IncludeRoot && spec.Upstreams.Count == 0)
        {
            Fail(null, nameof(spec.Upstreams), "the root block forwards to upstreams, so at least one is needed (or turn IncludeRoot off)");
        }

        if (!spec.IncludeRoot && spec.Zones.Count == 0)
        {
            Fail(null, nameof(spec.Zones), "no root block and no zones: CoreDNS would have nothing to serve");
        }

        if (spec.Upstreams.Count > MaxUpstreams)
        {
            Fail(null, nameof(spec.Upstreams), $"CoreDNS's forward plugin takes at most {MaxUpstreams} upstreams, got {spec.Upstreams.Count}");
        }

        foreach (var upstream in spec.Upstreams)
        {
            CheckToken(upstream, null, nameof(spec.Upstreams), Fail);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in spec.Zones)
        {
            var label = zone.Zone ?? "(missing)";
            if (!CorefileZoneName.TryNormalize(zone.Zone, out var name, out var problem))
            {
                Fail(label, nameof(zone.Zone), problem);
            }
            else if (!seen.Add(name))
            {
                Fail(label, nameof(zone.Zone), $"'{name}' is defined more than once");
            }

            if (zone.CacheSeconds < 0)
            {
                Fail(label, nameof(zone.CacheSeconds), $"must be 0 (no cache) or more, got {zone.CacheSeconds}");
            }

            CheckMode(zone, label, Fail);
        }

        return errors;
    }

    /// <exception cref="InvalidCorefileSpecException">The spec has at least one error.</exception>
    public static void ThrowIfInvalid(CorefileSpec spec)
    {
        var errors = Validate(spec);
        if (errors.Count > 0)
        {
            throw new InvalidCorefileSpecException(errors);
        }
    }

    private static void CheckMode(ZoneBlock zone, string label, Action<string?, string, string> fail)
    {
        switch (zone.Mode)
        {
            case PublishMode.Grpc:
                if (string.IsNullOrWhiteSpace(zone.GrpcAddress))
                {
                    fail(label, nameof(zone.GrpcAddress), "required for Grpc mode (the dns sidecar's gRPC bridge, e.g. 127.0.0.1:5353)");
                }
                else if (!IPEndPoint.TryParse(zone.GrpcAddress, out var endpoint) || endpoint.Port == 0 || !HasExplicitPort(zone.GrpcAddress))
                {
                    fail(label, nameof(zone.GrpcAddress), $"'{zone.GrpcAddress}' is not ADDRESS:PORT");
                }

                break;
            case PublishMode.Secondary:
                if (zone.Primaries.Count == 0)
                {
                    fail(label, nameof(zone.Primaries), "Secondary mode needs at least one primary to transfer from");
                }

                foreach (var primary in zone.Primaries)
                {
                    if (!IPAddress.TryParse(primary, out _) && !(IPEndPoint.TryParse(primary ?? "", out var ep) && ep.Port != 0))
                    {
                        fail(label, nameof(zone.Primaries), $"'{primary}' is not ADDRESS or ADDRESS:PORT");
                    }
                }

                break;
            case PublishMode.File:
                if (string.IsNullOrWhiteSpace(zone.FilePath))
                {
                    fail(label, nameof(zone.FilePath), "required for File mode (the zone file the sidecar publishes)");
                }
                else
                {
                    CheckToken(zone.FilePath, label, nameof(zone.FilePath), fail);
                }

                if (zone.FileReload < TimeSpan.Zero || !GoDuration.IsWholeSeconds(zone.FileReload))
                {
                    fail(label, nameof(zone.FileReload), $"must be whole seconds, zero or more, got {zone.FileReload}");
                }

                break;
            default:
                fail(label, nameof(zone.Mode), $"unknown publish mode {zone.Mode}");
                break;
        }
    }

    // IPEndPoint.TryParse takes a bare address as port 0 only for IPv4; check the text says a port.
    private static bool HasExplicitPort(string text) =>
        text.StartsWith('[') ? text.Contains("]:", StringComparison.Ordinal) : text.Count(c => c == ':') == 1;

    private static void CheckPort(int port, string field, Action<string?, string, string> fail)
    {
        if (port is < 1 or > 65535)
        {
            fail(null, field, $"port {port} is outside 1..65535");
        }
    }

    // Values land unquoted in the Corefile: whitespace, braces or a comment sign would change its structure.
    private static void CheckToken(string? value, string? zone, string field, Action<string?, string, string> fail)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '{' or '}' or '#' or '"'))
        {
            fail(zone, field, $"'{value}' must be one non-empty word without whitespace, braces, quotes or '#'");
        }
    }
}
