using Fos1.AdGuard.Api;

namespace Fos1.AdGuard.Convergence;

/// <summary>
/// One HTTP API call the diff asks for. <see cref="Owners"/> are the CRs whose status depends on it (empty for
/// removing what no CR wants any more). <see cref="ToString"/> is the log line.
/// </summary>
public abstract record AdGuardOperation(IReadOnlyList<ResourceRef> Owners)
{
    /// <summary>The endpoint, e.g. "filtering/add_url".</summary>
    public abstract string Endpoint { get; }
}

public sealed record AddFilterUrl(ResourceRef Owner, string Url, string Name, bool Whitelist) : AdGuardOperation([Owner])
{
    public override string Endpoint => "filtering/add_url";
}

public sealed record RemoveFilterUrl(string Url, bool Whitelist, IReadOnlyList<ResourceRef> For) : AdGuardOperation(For)
{
    public override string Endpoint => "filtering/remove_url";
}

public sealed record SetFilterUrl(ResourceRef Owner, string Url, string Name, bool Enabled, bool Whitelist) : AdGuardOperation([Owner])
{
    public override string Endpoint => "filtering/set_url";
}

public sealed record SetUserRules(IReadOnlyList<string> Rules, IReadOnlyList<ResourceRef> For) : AdGuardOperation(For)
{
    public override string Endpoint => "filtering/set_rules";
}

public sealed record RefreshFilters(bool Whitelist, IReadOnlyList<ResourceRef> For) : AdGuardOperation(For)
{
    public override string Endpoint => "filtering/refresh";
}

public sealed record SetFilteringConfig(bool Enabled, int IntervalHours) : AdGuardOperation([])
{
    public override string Endpoint => "filtering/config";
}

public sealed record AddClient(ResourceRef Owner, ClientInfo Client) : AdGuardOperation([Owner])
{
    public override string Endpoint => "clients/add";
}

public sealed record UpdateClient(ResourceRef Owner, string CurrentName, ClientInfo Client) : AdGuardOperation([Owner])
{
    public override string Endpoint => "clients/update";
}

public sealed record DeleteClient(string Name) : AdGuardOperation([])
{
    public override string Endpoint => "clients/delete";
}

public sealed record SetUpstreams(IReadOnlyList<string> Upstreams) : AdGuardOperation([])
{
    public override string Endpoint => "dns_config";
}
