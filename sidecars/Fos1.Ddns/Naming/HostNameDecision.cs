namespace Fos1.Ddns.Naming;

/// <summary>The FQDN chosen for a client, how it was arrived at, and why the client's own name was not used when it was not.</summary>
public sealed record HostNameDecision(DnsName? Fqdn, HostNameOutcome Outcome, string? Reason)
{
    public bool HasName => Fqdn is not null;
}
