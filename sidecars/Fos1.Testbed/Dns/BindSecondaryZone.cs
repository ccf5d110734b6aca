using System.Net;

namespace Fos1.Testbed.Dns;

/// <summary>
/// A zone that <see cref="BindServer"/> serves as a secondary: <c>type secondary; primaries { Primary; }</c>,
/// transferring over TCP (AXFR only) and accepting NOTIFY from the primary's address. With
/// <paramref name="TransferKey"/> set, the transfers are TSIG-signed with it (it must also be in the
/// server's keys).
/// </summary>
public sealed record BindSecondaryZone(string Name, IPEndPoint Primary, TsigKey? TransferKey = null)
{
    public string CanonicalName => Name.TrimEnd('.').ToLowerInvariant();
}
