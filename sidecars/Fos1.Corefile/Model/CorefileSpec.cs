namespace Fos1.Corefile.Model;

/// <summary>Everything the rendered Corefile depends on: the zones plus the process-wide settings.</summary>
public sealed record CorefileSpec
{
    /// <summary>The DNS port of every server block.</summary>
    public int ListenPort { get; init; } = 53;

    /// <summary>Whether a <c>.</c> block forwards everything outside the zones to <see cref="Upstreams"/>.</summary>
    public bool IncludeRoot { get; init; } = true;

    /// <summary>Forwarders for the root block, rendered as given into <c>forward . ...</c> (e.g. <c>9.9.9.9</c>, <c>tls://1.1.1.1</c>).</summary>
    public IReadOnlyList<string> Upstreams { get; init; } = [];

    /// <summary>TTL cap of the root block's cache; 0 renders none.</summary>
    public int RootCacheSeconds { get; init; } = 30;

    public IReadOnlyList<ZoneBlock> Zones { get; init; } = [];

    public int HealthPort { get; init; } = 8080;

    public int ReadyPort { get; init; } = 8181;

    public int PrometheusPort { get; init; } = 9153;

    /// <summary>Query logging (<c>log</c>) in every block; <c>errors</c> is always on.</summary>
    public bool Log { get; init; } = true;

    /// <summary>How often CoreDNS's <c>reload</c> plugin checks the Corefile (CoreDNS refuses less than 2 s).</summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromSeconds(30);
}
