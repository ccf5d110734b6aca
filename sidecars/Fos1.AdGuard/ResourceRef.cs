namespace Fos1.AdGuard;

/// <summary>The custom resource a piece of AdGuard configuration comes from (kind is DNSFilterList or DNSClient).</summary>
public sealed record ResourceRef(string Kind, string Namespace, string Name)
{
    public const string FilterListKind = "DNSFilterList";
    public const string ClientKind = "DNSClient";

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
