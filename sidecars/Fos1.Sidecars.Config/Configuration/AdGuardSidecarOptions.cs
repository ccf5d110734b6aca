using Fos1.AdGuard;
using Fos1.AdGuard.Api;
using Fos1.AdGuard.Convergence;

namespace Fos1.Sidecars.Config.Configuration;

/// <summary>
/// "ConfigSidecar:AdGuard": where AdGuard Home's file and API are, the admin Secret, how far convergence reaches,
/// and the parts of the cold-start AdGuardHome.yaml that do not come from CRs. Lists left empty take
/// <see cref="AdGuardRenderOptions"/>' defaults (a bound list would otherwise be appended to its default items).
/// </summary>
public sealed class AdGuardSidecarOptions
{
    public const string UsernameFile = "username";
    public const string PasswordFile = "password";
    public const string PasswordHashFile = "password-hash";

    public bool Enabled { get; set; }

    /// <summary>The cold-start AdGuardHome.yaml in a writable volume (init-adguard writes it; AdGuard owns it afterwards).</summary>
    public string ConfigFile { get; set; } = "";

    /// <summary>AdGuard Home's web address; the API is under /control.</summary>
    public string ApiUrl { get; set; } = "http://127.0.0.1:3000";

    /// <summary>A mounted Secret with the files username, password (basic auth) and password-hash (bcrypt, for the file).</summary>
    public string CredentialsDirectory { get; set; } = "";

    /// <summary>False: touch only filters, clients and rules fos1 created. True: the CRs are the whole truth.</summary>
    public bool OwnEverything { get; set; }

    /// <summary>Also converge the global upstreams and the filter update interval live (not only in the cold-start file).</summary>
    public bool ConvergeGlobalSettings { get; set; }

    /// <summary>How often AdGuard is converged with nothing changed in the CRs (someone edited it by hand).</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public List<string> BindHosts { get; set; } = [];

    public int DnsPort { get; set; } = 53;

    public string HttpAddress { get; set; } = "0.0.0.0:3000";

    public List<string> Upstreams { get; set; } = [];

    public List<string> BootstrapDns { get; set; } = [];

    public int FiltersUpdateIntervalHours { get; set; } = 24;

    public AdGuardCredentials Credentials() => AdGuardCredentials.FromDirectory(CredentialsDirectory);

    /// <summary>The render options, with the admin user and bcrypt hash read from <see cref="CredentialsDirectory"/>.</summary>
    public AdGuardRenderOptions RenderOptions()
    {
        var defaults = new AdGuardRenderOptions();
        return defaults with
        {
            BindHosts = BindHosts.Count > 0 ? BindHosts : defaults.BindHosts,
            DnsPort = DnsPort,
            HttpAddress = HttpAddress,
            Upstreams = Upstreams.Count > 0 ? Upstreams : defaults.Upstreams,
            BootstrapDns = BootstrapDns.Count > 0 ? BootstrapDns : defaults.BootstrapDns,
            AdminUser = Credentials().User,
            AdminPasswordHash = File.ReadAllText(Path.Combine(CredentialsDirectory, PasswordHashFile)).Trim(),
            FiltersUpdateIntervalHours = FiltersUpdateIntervalHours,
        };
    }

    public AdGuardConvergeOptions ConvergeOptions() => new()
    {
        OwnEverything = OwnEverything,
        Upstreams = ConvergeGlobalSettings ? (Upstreams.Count > 0 ? Upstreams : new AdGuardRenderOptions().Upstreams) : null,
        FiltersUpdateIntervalHours = ConvergeGlobalSettings ? FiltersUpdateIntervalHours : null,
    };

    public Uri ApiBaseAddress() => new(ApiUrl.TrimEnd('/') + "/");
}
