using System.Globalization;
using Fos1.Corefile.Model;
using Fos1.Corefile.Templates;
using Fos1.Corefile.Validation;

namespace Fos1.Corefile;

/// <summary>
/// Renders a <see cref="CorefileSpec"/> into Corefile text: the root block (if any) first, then one
/// server block per zone in name order, blocks separated by a blank line, ending with a newline. The
/// same spec always gives the same bytes, so the <c>reload</c> plugin's checksum only changes when the
/// zones do.
/// </summary>
public sealed class CorefileRenderer(CorefileTemplates templates)
{
    public CorefileRenderer()
        : this(CorefileTemplates.BuiltIn)
    {
    }

    /// <exception cref="InvalidCorefileSpecException">The spec fails <see cref="CorefileSpecValidator"/>.</exception>
    /// <exception cref="CorefileTemplateException">A template uses an unknown placeholder or is malformed.</exception>
    public string Render(CorefileSpec spec)
    {
        CorefileSpecValidator.ThrowIfInvalid(spec);

        var zones = spec.Zones
            .Select(zone => (Name: Normalize(zone.Zone), Zone: zone))
            .OrderBy(z => z.Name, StringComparer.Ordinal)
            .ToList();

        // health, ready and reload act on the whole process, so they appear once, in the first block.
        var process = templates.Process.Fill(new Dictionary<string, string>
        {
            ["health_port"] = Number(spec.HealthPort),
            ["ready_port"] = Number(spec.ReadyPort),
            ["reload_interval"] = GoDuration.Format(spec.ReloadInterval),
        });

        var blocks = new List<string>();
        if (spec.IncludeRoot)
        {
            var forward = templates.Root.Fill(new Dictionary<string, string> { ["upstreams"] = string.Join(' ', spec.Upstreams) });
            blocks.Add(Server(spec, ".", spec.RootCacheSeconds, forward, process));
        }

        foreach (var (name, zone) in zones)
        {
            blocks.Add(Server(spec, name, zone.CacheSeconds, Publisher(zone), blocks.Count == 0 ? process : ""));
        }

        return string.Join("\n\n", blocks) + "\n";
    }

    private string Server(CorefileSpec spec, string zone, int cacheSeconds, string publisher, string processPlugins) =>
        templates.Server.Fill(new Dictionary<string, string>
        {
            ["zone"] = zone,
            ["port"] = Number(spec.ListenPort),
            ["log"] = spec.Log ? "log" : "",
            ["prometheus_port"] = Number(spec.PrometheusPort),
            ["process_plugins"] = processPlugins,
            ["cache"] = cacheSeconds > 0 ? "cache " + Number(cacheSeconds) : "",
            ["publisher"] = publisher,
        });

    private string Publisher(ZoneBlock zone) => zone.Mode switch
    {
        PublishMode.Grpc => templates.ZoneGrpc.Fill(new Dictionary<string, string> { ["grpc_address"] = zone.GrpcAddress! }),
        PublishMode.Secondary => templates.ZoneSecondary.Fill(
            new Dictionary<string, string> { ["primaries"] = string.Join(' ', zone.Primaries) }),
        PublishMode.File => templates.ZoneFile.Fill(new Dictionary<string, string>
        {
            ["file_path"] = zone.FilePath!,
            ["file_reload"] = GoDuration.Format(zone.FileReload),
        }),
        _ => throw new InvalidOperationException($"unknown publish mode {zone.Mode}"),
    };

    private static string Normalize(string zone) =>
        CorefileZoneName.TryNormalize(zone, out var name, out _) ? name : throw new InvalidOperationException("validated above");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
