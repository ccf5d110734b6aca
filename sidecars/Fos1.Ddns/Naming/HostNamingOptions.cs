namespace Fos1.Ddns.Naming;

/// <summary>
/// How the sidecar turns a client's host name into an FQDN when it names hosts itself (hook spool,
/// memfile sources). Defaults follow Kea 2.2 (<c>ddns-qualifying-suffix</c>, <c>hostname-char-set</c>,
/// <c>hostname-char-replacement</c>, <c>ddns-generated-prefix</c>); IDNA, length limits and the deny
/// list are additions. See docs/naming.md.
/// </summary>
public sealed record HostNamingOptions
{
    /// <summary>Kea's default <c>hostname-char-set</c>: every character that is not a letter, digit, dot or hyphen.</summary>
    public const string KeaHostnameCharSet = "[^A-Za-z0-9.-]";

    /// <summary>Kea's <c>ddns-generated-prefix</c> default.</summary>
    public const string KeaGeneratedPrefix = "myhost";

    /// <summary>
    /// <c>ddns-qualifying-suffix</c>: appended to single-label names. <see cref="DnsName.Root"/> leaves
    /// single-label names unqualified (then only already-qualified names get records).
    /// </summary>
    public required DnsName QualifyingSuffix { get; init; }

    /// <summary>A regular expression matching the characters to replace; null or empty disables sanitizing (as in Kea).</summary>
    public string? HostnameCharSet { get; init; } = KeaHostnameCharSet;

    /// <summary>What replaces each match of <see cref="HostnameCharSet"/>; Kea's default is to drop them.</summary>
    public string HostnameCharReplacement { get; init; } = "";

    /// <summary>
    /// Prefix of the name given to a client whose name is missing or unusable ("myhost-192-0-2-10");
    /// null gives such clients no name at all.
    /// </summary>
    public string? GeneratedPrefix { get; init; } = KeaGeneratedPrefix;

    /// <summary>
    /// Kea takes a name with two or more labels as fully qualified ("laptop.example" stays so). When true,
    /// such a name is qualified too unless it ends with '.' or already lies under the suffix.
    /// </summary>
    public bool QualifyMultiLabelNames { get; init; }

    /// <summary>
    /// Names a client may not take. An entry without a dot is a host label compared with the first label of
    /// the name; an entry with a dot is a whole name. The qualifying suffix itself (the zone apex) is always refused.
    /// </summary>
    public IReadOnlyCollection<string> DeniedNames { get; init; } = DefaultDeniedNames;

    /// <summary>Labels that would hijack well-known service discovery or confuse resolvers.</summary>
    public static IReadOnlyCollection<string> DefaultDeniedNames { get; } = ["wpad", "localhost", "isatap", "ns", "*"];
}
