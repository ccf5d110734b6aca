using Fos1.AdGuard;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Config.Configuration;

/// <summary>
/// Checks "ConfigSidecar" at start-up, naming the key in every message, so a bad value fails the pod at once
/// (exit code 2) instead of at the first resource.
/// </summary>
public sealed class ConfigSidecarOptionsValidation(SidecarMode mode, bool kubernetes) : IValidateOptions<ConfigSidecarOptions>
{
    private const string AdGuardKey = ConfigSidecarOptions.SectionName + ":AdGuard:";
    private const string MdnsKey = ConfigSidecarOptions.SectionName + ":Mdns:";

    // AdGuardRenderOptions.Validate names its own properties; these are the keys (or Secret files) they come from.
    private static readonly Dictionary<string, string> RenderKeys = new(StringComparer.Ordinal)
    {
        ["bindHosts"] = AdGuardKey + "BindHosts",
        ["dnsPort"] = AdGuardKey + "DnsPort",
        ["httpAddress"] = AdGuardKey + "HttpAddress",
        ["upstreams"] = AdGuardKey + "Upstreams",
        ["adminUser"] = AdGuardKey + "CredentialsDirectory (file username)",
        ["adminPasswordHash"] = AdGuardKey + "CredentialsDirectory (file password-hash)",
        ["filtersUpdateIntervalHours"] = AdGuardKey + "FiltersUpdateIntervalHours",
    };

    public ValidateOptionsResult Validate(string? name, ConfigSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (mode == SidecarMode.Run)
        {
            if (!options.AdGuard.Enabled && !options.Mdns.Enabled)
            {
                errors.Add($"{AdGuardKey}Enabled and {MdnsKey}Enabled are both false: enable at least one");
            }

            if (!kubernetes)
            {
                errors.Add("Kubernetes:Enabled must be true: the config sidecar's configuration is the DNSFilterList, DNSClient and MDNSReflector resources");
            }
        }

        if (options.AdGuard.Enabled || mode == SidecarMode.InitAdGuard)
        {
            AdGuard(options.AdGuard, errors);
        }

        if (options.Mdns.Enabled && mode == SidecarMode.Run)
        {
            Mdns(options.Mdns, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AdGuard(AdGuardSidecarOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.ConfigFile))
        {
            errors.Add($"{AdGuardKey}ConfigFile is required (the cold-start AdGuardHome.yaml in a writable volume)");
        }

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{AdGuardKey}ApiUrl '{options.ApiUrl}' is not an http(s) URL such as http://127.0.0.1:3000");
        }

        if (options.ResyncInterval <= TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{AdGuardKey}ResyncInterval and {AdGuardKey}RequestTimeout must be positive");
        }

        var missing = new[] { AdGuardSidecarOptions.UsernameFile, AdGuardSidecarOptions.PasswordFile, AdGuardSidecarOptions.PasswordHashFile }
            .Where(file => string.IsNullOrWhiteSpace(options.CredentialsDirectory) || !File.Exists(Path.Combine(options.CredentialsDirectory, file)))
            .ToList();
        if (missing.Count > 0)
        {
            errors.Add($"{AdGuardKey}CredentialsDirectory '{options.CredentialsDirectory}' must hold the files {string.Join(", ", missing)} (the admin Secret)");
            return;
        }

        AdGuardRenderOptions render;
        try
        {
            render = options.RenderOptions();
        }
        catch (IOException e)
        {
            errors.Add($"{AdGuardKey}CredentialsDirectory: {e.Message}");
            return;
        }

        foreach (var problem in render.Validate())
        {
            var field = problem.Split(':', 2)[0];
            errors.Add(RenderKeys.TryGetValue(field, out var key) ? key + problem[field.Length..] : AdGuardKey + problem);
        }
    }

    private static void Mdns(MdnsSidecarOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.ConfigFile))
        {
            errors.Add($"{MdnsKey}ConfigFile is required (the avahi-daemon.conf avahi is started with)");
        }
        else if (Path.GetDirectoryName(Path.GetFullPath(options.ConfigFile)) is not { } directory || !Directory.Exists(directory))
        {
            errors.Add($"{MdnsKey}ConfigFile '{options.ConfigFile}': its directory does not exist (mount the shared volume there)");
        }

        if (string.IsNullOrWhiteSpace(options.PidFile))
        {
            errors.Add($"{MdnsKey}PidFile is required (avahi's pid file, e.g. {Fos1.Mdns.Applying.AvahiPidFile.DefaultPath})");
        }

        if (options.ResyncInterval <= TimeSpan.Zero)
        {
            errors.Add($"{MdnsKey}ResyncInterval must be positive");
        }
    }
}
