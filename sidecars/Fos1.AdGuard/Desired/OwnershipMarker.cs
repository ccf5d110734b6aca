using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Fos1.AdGuard.Desired;

/// <summary>
/// How fos1 recognises what it created in AdGuard Home. Filters and persistent clients carry a name suffix
/// <c>" [fos1:namespace/name]"</c>. A name marker rather than a client tag because AdGuard only accepts tags from
/// its fixed list (device_*, os_*, user_*), which users assign themselves; and a suffix rather than a prefix so
/// the UI still sorts and shows the friendly name first. The marker names the CR, so renaming a displayName is an
/// update, not a delete + add. Filter ids (cold start only: the API assigns its own) are derived from the CR and
/// the URL, in a range above AdGuard's time-based ids.
/// </summary>
public static partial class OwnershipMarker
{
    private const long IdBase = 1L << 48;

    public static string Name(string displayName, ResourceRef owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return $"{displayName} [fos1:{owner.Namespace}/{owner.Name}]";
    }

    /// <summary>The CR a marked name belongs to; false for names fos1 did not write.</summary>
    public static bool TryParse(string? name, string kind, out ResourceRef owner)
    {
        owner = null!;
        var match = name is null ? Match.Empty : Marker().Match(name);
        if (!match.Success)
        {
            return false;
        }

        owner = new ResourceRef(kind, match.Groups["ns"].Value, match.Groups["name"].Value);
        return true;
    }

    /// <summary>A stable filter id in [2^48, 2^49): safe for JavaScript numbers, clear of AdGuard's own ids.</summary>
    public static long FilterId(ResourceRef owner, string url)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner.Namespace}/{owner.Name}\n{url}"));
        return IdBase | (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & (IdBase - 1));
    }

    /// <summary>A stable UUID (version 5 layout) for a persistent client's <c>uid</c>.</summary>
    public static string ClientUid(ResourceRef owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner.Kind}/{owner.Namespace}/{owner.Name}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    [GeneratedRegex(@" \[fos1:(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)/(?<name>[a-z0-9]([-.a-z0-9]*[a-z0-9])?)\]$")]
    private static partial Regex Marker();
}
