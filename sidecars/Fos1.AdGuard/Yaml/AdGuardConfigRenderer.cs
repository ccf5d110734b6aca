using Fos1.AdGuard.Desired;
using Fos1.Crds.Dns;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Fos1.AdGuard.Yaml;

/// <summary>
/// Renders a complete AdGuardHome.yaml (<c>schema_version: 34</c>) for cold start. AdGuard rewrites this file
/// itself and does not reload it, so it is written once into a writable volume before AdGuard starts; live
/// changes go through the HTTP API (<see cref="Convergence.AdGuardDiff"/>). Pure: no files, no clock.
/// </summary>
public static class AdGuardConfigRenderer
{
    public const int SchemaVersion = 34;

    private static readonly string[] RuntimeSources = ["whois", "arp", "rdns", "dhcp", "hosts"];

    public static AdGuardRendering Render(IEnumerable<DnsFilterList> filterLists, IEnumerable<DnsClient> clients, AdGuardRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"AdGuard render options are invalid: {string.Join("; ", problems)}", nameof(options));
        }

        var desired = DesiredStateBuilder.Build(filterLists, clients);
        return new AdGuardRendering(Render(desired, options), desired);
    }

    public static string Render(DesiredState desired, AdGuardRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(options);
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings().WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        var yaml = new YamlBlockWriter(emitter);
        yaml.BeginMap();
        ConfigSections.Http(yaml, options);
        ConfigSections.Dns(yaml, options);
        ConfigSections.ServiceDefaults(yaml);
        yaml.Sequence("filters", desired.Filters.Where(f => !f.Allowlist).ToList(), f => Filter(yaml, f));
        yaml.Sequence("whitelist_filters", desired.Filters.Where(f => f.Allowlist).ToList(), f => Filter(yaml, f));
        yaml.Strings("user_rules", UserRulesBlock.Merge([], desired.UserRules, ownEverything: true));
        yaml.Map("dhcp", () => yaml.Bool("enabled", false));
        ConfigSections.Filtering(yaml, options);
        yaml.Map("clients", () =>
        {
            yaml.Map("runtime_sources", () =>
            {
                foreach (var source in RuntimeSources)
                {
                    yaml.Bool(source, true);
                }
            });
            yaml.Sequence("persistent", desired.Clients.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(), c => PersistentClient.Write(yaml, c));
        });
        ConfigSections.LogAndOs(yaml);
        yaml.Number("schema_version", SchemaVersion);
        yaml.EndMap();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Filter(YamlBlockWriter yaml, DesiredFilter filter)
    {
        yaml.Bool("enabled", filter.Enabled);
        yaml.String("url", filter.Url);
        yaml.String("name", filter.Name);
        yaml.Number("id", filter.Id);
    }
}
