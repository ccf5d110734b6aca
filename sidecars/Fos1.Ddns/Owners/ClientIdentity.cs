using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Fos1.Ddns;

/// <summary>
/// What identifies a DHCP client for DNS ownership: the identifier type and the octets that are hashed
/// together with the FQDN into a <see cref="Dhcid"/> (RFC 4701 section 3.3 and 3.5). The factories
/// follow Kea 2.2's D2Dhcid exactly, so a DHCID computed here equals the one Kea puts in its
/// NameChangeRequests and in the DHCID records D2 writes; that equality is what lets this product and
/// Kea D2 recognise each other's names.
/// </summary>
public sealed class ClientIdentity : IEquatable<ClientIdentity>
{
    /// <summary>RFC 8415 section 11.1: a 2-octet type code and at most 128 octets.</summary>
    public const int MaxDuidLength = 130;

    /// <summary>RFC 4361 section 6.1: client-id type 255 is followed by a 4-octet IAID and a DUID.</summary>
    public const byte EmbeddedDuidClientIdType = 255;

    private const int EmbeddedDuidOffset = 5;
    private const byte DigestTypeSha256 = 1;

    private readonly byte[] _identifier;

    private ClientIdentity(DhcidIdentifierType type, byte[] identifier)
    {
        Type = type;
        _identifier = identifier;
    }

    public DhcidIdentifierType Type { get; }

    /// <summary>The octets hashed before the FQDN: htype + chaddr, the client-id, or the DUID.</summary>
    public ReadOnlySpan<byte> Identifier => _identifier;

    /// <summary>A DHCPv4 client without a client-id: <paramref name="hardwareType"/> (htype, 1 for Ethernet) and chaddr.</summary>
    public static ClientIdentity FromHardwareAddress(byte hardwareType, ReadOnlySpan<byte> address)
    {
        if (address.IsEmpty)
        {
            throw new ArgumentException("the hardware address is empty; a DHCID needs the client's chaddr", nameof(address));
        }

        var identifier = new byte[1 + address.Length];
        identifier[0] = hardwareType;
        address.CopyTo(identifier.AsSpan(1));
        return new ClientIdentity(DhcidIdentifierType.HardwareAddress, identifier);
    }

    /// <summary>
    /// A DHCPv4 client-id (option 61 contents, type octet first). A type-255 client-id (RFC 4361) carries
    /// a DUID after a 4-octet IAID; like Kea, that DUID alone becomes the identifier, with type DUID, so a
    /// dual-stack client owns its name with the same DHCID over DHCPv4 and DHCPv6.
    /// </summary>
    public static ClientIdentity FromClientIdentifier(ReadOnlySpan<byte> clientIdentifier) =>
        TryFromClientIdentifier(clientIdentifier, out var identity, out var error)
            ? identity
            : throw new ArgumentException(error, nameof(clientIdentifier));

    public static bool TryFromClientIdentifier(
        ReadOnlySpan<byte> clientIdentifier,
        [NotNullWhen(true)] out ClientIdentity? identity,
        [NotNullWhen(false)] out string? error)
    {
        identity = null;
        if (clientIdentifier.IsEmpty)
        {
            error = "the client identifier is empty";
            return false;
        }

        if (clientIdentifier.Length > byte.MaxValue)
        {
            error = $"the client identifier is {clientIdentifier.Length} octets long; a DHCPv4 option holds at most 255";
            return false;
        }

        if (clientIdentifier[0] != EmbeddedDuidClientIdType)
        {
            identity = new ClientIdentity(DhcidIdentifierType.ClientIdentifier, clientIdentifier.ToArray());
            error = null;
            return true;
        }

        // Same bounds as Kea: something must follow type + IAID, and the DUID may not exceed 130 octets.
        if (clientIdentifier.Length <= EmbeddedDuidOffset)
        {
            error = $"the RFC 4361 client identifier is {clientIdentifier.Length} octets long: no DUID follows its type and IAID";
            return false;
        }

        if (clientIdentifier.Length > EmbeddedDuidOffset + MaxDuidLength)
        {
            error = $"the RFC 4361 client identifier is {clientIdentifier.Length} octets long: its DUID exceeds {MaxDuidLength} octets";
            return false;
        }

        identity = new ClientIdentity(DhcidIdentifierType.Duid, clientIdentifier[EmbeddedDuidOffset..].ToArray());
        error = null;
        return true;
    }

    /// <summary>A DHCPv6 client's DUID (option 1 contents).</summary>
    public static ClientIdentity FromDuid(ReadOnlySpan<byte> duid)
    {
        if (duid.IsEmpty || duid.Length > MaxDuidLength)
        {
            throw new ArgumentException($"a DUID has 1 to {MaxDuidLength} octets; got {duid.Length}", nameof(duid));
        }

        return new ClientIdentity(DhcidIdentifierType.Duid, duid.ToArray());
    }

    /// <summary>
    /// RFC 4701 section 3.5 with digest type 1: type (2 octets), 1, SHA-256(identifier + canonical wire FQDN).
    /// </summary>
    public Dhcid ComputeDhcid(DnsName fqdn)
    {
        ArgumentNullException.ThrowIfNull(fqdn);
        var wireName = fqdn.ToCanonicalWireFormat();
        var input = new byte[_identifier.Length + wireName.Length];
        _identifier.CopyTo(input, 0);
        wireName.CopyTo(input, _identifier.Length);

        Span<byte> rdata = stackalloc byte[3 + SHA256.HashSizeInBytes];
        rdata[0] = (byte)((ushort)Type >> 8);
        rdata[1] = (byte)Type;
        rdata[2] = DigestTypeSha256;
        SHA256.HashData(input, rdata[3..]);
        return new Dhcid(rdata);
    }

    public bool Equals(ClientIdentity? other) =>
        other is not null && Type == other.Type && _identifier.AsSpan().SequenceEqual(other._identifier);

    public override bool Equals(object? obj) => Equals(obj as ClientIdentity);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.AddBytes(_identifier);
        return hash.ToHashCode();
    }

    /// <summary>E.g. "Duid 00:01:00:01:..." in the colon-hex form Kea logs.</summary>
    public override string ToString() => $"{Type} {BitConverter.ToString(_identifier).Replace('-', ':').ToLowerInvariant()}";
}
