namespace Fos1.Testbed.Dns;

/// <summary>
/// A zone served by <see cref="BindServer"/>. Every zone gets an SOA (serial 1) and <c>NS ns.ZONE</c> with
/// <c>ns.ZONE A 127.0.0.1</c>; <paramref name="StaticRecords"/> is appended as master-file text with
/// <c>$ORIGIN ZONE.</c> in effect (write explicit TTLs or rely on <c>$TTL 300</c>).
/// </summary>
public sealed record BindZone(string Name, string? StaticRecords = null)
{
    /// <summary>The name without its trailing dot, lower case, as named.conf and dig want it.</summary>
    public string CanonicalName => Name.TrimEnd('.').ToLowerInvariant();
}
