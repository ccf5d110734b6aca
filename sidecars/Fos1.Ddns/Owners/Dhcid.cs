namespace Fos1.Ddns;

/// <summary>
/// The RDATA of a DHCID record (RFC 4701 section 3.3): 2-octet identifier type, 1-octet digest
/// type, digest. Its value proves which client owns a name; equality is byte equality.
/// </summary>
public sealed class Dhcid : IEquatable<Dhcid>
{
    private readonly byte[] _bytes;

    public Dhcid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            throw new ArgumentException($"a DHCID has at least 4 octets (types + digest); got {bytes.Length}", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public ushort IdentifierType => (ushort)((_bytes[0] << 8) | _bytes[1]);

    public byte DigestType => _bytes[2];

    /// <summary>Parses the hex form Kea uses in NameChangeRequests (e.g. "000101...").</summary>
    public static bool TryParseHex(string? hex, out Dhcid? dhcid, out string? error)
    {
        dhcid = null;
        if (string.IsNullOrEmpty(hex))
        {
            error = "dhcid is empty";
            return false;
        }

        if (hex.Length % 2 != 0 || hex.Length < 8)
        {
            error = $"dhcid '{hex}' is not an even number of at least 8 hex digits";
            return false;
        }

        try
        {
            dhcid = new Dhcid(Convert.FromHexString(hex));
            error = null;
            return true;
        }
        catch (FormatException)
        {
            error = $"dhcid '{hex}' is not hexadecimal";
            return false;
        }
    }

    public string ToHex() => Convert.ToHexString(_bytes);

    /// <summary>The presentation form of the RDATA: base64 (RFC 4701 section 3.4).</summary>
    public override string ToString() => Convert.ToBase64String(_bytes);

    public bool Equals(Dhcid? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Dhcid);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
