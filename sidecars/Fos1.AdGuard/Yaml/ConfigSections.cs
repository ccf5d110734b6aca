namespace Fos1.AdGuard.Yaml;

/// <summary>
/// The sections of a schema-34 AdGuardHome.yaml that do not come from CRs: AdGuard's own defaults for a fresh
/// install (internal/home/config.go) with the deployment's addresses, upstreams and admin user. Keys AdGuard
/// does not find keep its built-in defaults, so only keys checked against the schema are written.
/// </summary>
internal static class ConfigSections
{
    public static readonly IReadOnlyList<string> SafeSearchProviders = ["bing", "duckduckgo", "ecosia", "google", "pixabay", "yandex", "youtube"];

    public static void Http(YamlBlockWriter yaml, AdGuardRenderOptions options)
    {
        yaml.Map("http", () =>
        {
            yaml.Map("pprof", () =>
            {
                yaml.Number("port", 6060);
                yaml.Bool("enabled", false);
            });
            yaml.String("address", options.HttpAddress);
            yaml.String("session_ttl", "720h");
            // Schema 34 moved tls.allow_unencrypted_doh here as insecure_enabled, with the DoH routes.
            yaml.Map("doh", () =>
            {
                yaml.Strings("routes", ["GET /dns-query", "POST /dns-query", "GET /dns-query/{ClientID}", "POST /dns-query/{ClientID}"]);
                yaml.Bool("insecure_enabled", false);
            });
        });
        yaml.Sequence("users", [options], o =>
        {
            yaml.String("name", o.AdminUser);
            yaml.String("password", o.AdminPasswordHash);
        });
        yaml.Number("auth_attempts", 5);
        yaml.Number("block_auth_min", 15);
        yaml.String("http_proxy", "");
        yaml.String("language", "");
        yaml.String("theme", "auto");
    }

    public static void Dns(YamlBlockWriter yaml, AdGuardRenderOptions options)
    {
        yaml.Map("dns", () =>
        {
            yaml.Strings("bind_hosts", options.BindHosts);
            yaml.Number("port", options.DnsPort);
            yaml.Bool("anonymize_client_ip", false);
            yaml.Number("ratelimit", 20);
            yaml.Number("ratelimit_subnet_len_ipv4", 24);
            yaml.Number("ratelimit_subnet_len_ipv6", 56);
            yaml.Strings("ratelimit_whitelist", []);
            yaml.Bool("refuse_any", true);
            yaml.Strings("upstream_dns", options.Upstreams);
            yaml.String("upstream_dns_file", "");
            yaml.Strings("bootstrap_dns", options.BootstrapDns);
            yaml.Strings("fallback_dns", []);
            yaml.String("upstream_mode", "load_balance");
            yaml.Bool("cache_enabled", true);
            yaml.Number("cache_size", 4 * 1024 * 1024);
            yaml.String("upstream_timeout", "10s");
            yaml.Bool("use_private_ptr_resolvers", true);
            yaml.Strings("local_ptr_upstreams", []);
            yaml.Bool("serve_plain_dns", true);
        });
        yaml.Map("tls", () =>
        {
            yaml.Bool("enabled", false);
            yaml.String("server_name", "");
            yaml.Bool("force_https", false);
            yaml.Number("port_https", 443);
            yaml.Number("port_dns_over_tls", 853);
            yaml.Number("port_dns_over_quic", 853);
            yaml.Number("port_dnscrypt", 0);
            yaml.String("dnscrypt_config_file", "");
        });
    }

    public static void ServiceDefaults(YamlBlockWriter yaml)
    {
        yaml.Map("querylog", () =>
        {
            yaml.Strings("ignored", []);
            yaml.String("interval", "2160h");
            yaml.Number("size_memory", 1000);
            yaml.Bool("enabled", true);
            yaml.Bool("file_enabled", true);
        });
        yaml.Map("statistics", () =>
        {
            yaml.Strings("ignored", []);
            yaml.String("interval", "24h");
            yaml.Bool("enabled", true);
        });
    }

    public static void Filtering(YamlBlockWriter yaml, AdGuardRenderOptions options)
    {
        yaml.Map("filtering", () =>
        {
            yaml.String("blocking_mode", "default");
            yaml.Bool("protection_enabled", true);
            yaml.Bool("filtering_enabled", true);
            yaml.Number("filters_update_interval", options.FiltersUpdateIntervalHours);
            yaml.Bool("parental_enabled", false);
            yaml.Bool("safebrowsing_enabled", false);
            yaml.Number("blocked_response_ttl", 10);
            SafeSearch(yaml, enabled: false);
            yaml.Map("blocked_services", () =>
            {
                yaml.Map("schedule", () => yaml.String("time_zone", "Local"));
                yaml.Strings("ids", []);
            });
            yaml.Sequence<object>("rewrites", [], _ => { });
        });
    }

    /// <summary>AdGuard's safe search block; when enabled, every provider is enforced (as its API does for a bare "enabled").</summary>
    public static void SafeSearch(YamlBlockWriter yaml, bool enabled) =>
        yaml.Map("safe_search", () =>
        {
            yaml.Bool("enabled", enabled);
            foreach (var provider in SafeSearchProviders)
            {
                yaml.Bool(provider, true);
            }
        });

    public static void LogAndOs(YamlBlockWriter yaml)
    {
        yaml.Map("log", () =>
        {
            yaml.String("file", "");
            yaml.Number("max_backups", 0);
            yaml.Number("max_size", 100);
            yaml.Number("max_age", 3);
            yaml.Bool("compress", false);
            yaml.Bool("local_time", false);
            yaml.Bool("verbose", false);
        });
        yaml.Map("os", () =>
        {
            yaml.String("group", "");
            yaml.String("user", "");
            yaml.Number("rlimit_nofile", 0);
        });
    }
}
