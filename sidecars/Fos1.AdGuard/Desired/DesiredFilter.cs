namespace Fos1.AdGuard.Desired;

/// <summary>One filter list subscription (AdGuard keys them by URL within filters / whitelist_filters).</summary>
public sealed record DesiredFilter(ResourceRef Owner, string Url, string Name, bool Enabled, bool Allowlist, long Id);
