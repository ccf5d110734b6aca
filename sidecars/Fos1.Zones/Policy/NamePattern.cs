using Fos1.Ddns;

namespace Fos1.Zones.Policy;

/// <summary>Which owner names a grant covers.</summary>
public abstract record NamePattern
{
    /// <summary>True when <paramref name="name"/> (already known to be in <paramref name="zone"/>) is covered.</summary>
    public abstract bool Matches(DnsName name, DnsName zone);

    /// <summary>
    /// "*" is any name in the zone (the apex included), "*.dyn.home.arpa" any name strictly below
    /// dyn.home.arpa (BIND's <c>wildcard</c> rule, without the asterisk being a DNS wildcard), anything
    /// else exactly that name.
    /// </summary>
    public static NamePattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "*")
        {
            return new AnyNameInZone();
        }

        return text.StartsWith("*.", StringComparison.Ordinal)
            ? new NamesBelow(DnsName.Parse(text[2..]))
            : new ExactName(DnsName.Parse(text));
    }
}

public sealed record ExactName(DnsName Name) : NamePattern
{
    public override bool Matches(DnsName name, DnsName zone) => name == Name;

    public override string ToString() => Name.Text;
}

/// <summary>Names strictly below <paramref name="Suffix"/>, on a label boundary.</summary>
public sealed record NamesBelow(DnsName Suffix) : NamePattern
{
    public override bool Matches(DnsName name, DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name != Suffix && name.IsAtOrBelow(Suffix);
    }

    public override string ToString() => "*." + Suffix.Text;
}

public sealed record AnyNameInZone : NamePattern
{
    public override bool Matches(DnsName name, DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(zone);
        return name.IsAtOrBelow(zone);
    }

    public override string ToString() => "*";
}
