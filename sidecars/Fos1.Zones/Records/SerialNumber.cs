namespace Fos1.Zones.Records;

/// <summary>RFC 1982 serial number arithmetic on 32-bit SOA serials.</summary>
public static class SerialNumber
{
    /// <summary>
    /// True when <paramref name="candidate"/> is greater than <paramref name="current"/> in RFC 1982
    /// terms. The undefined case (a distance of exactly 2^31) is not newer, as BIND treats it.
    /// </summary>
    public static bool IsNewer(uint candidate, uint current) =>
        candidate != current && unchecked(candidate - current) < 0x8000_0000u;

    /// <summary>The next serial: plus one, wrapping from 2^32-1 to 0 (RFC 1982 section 3.1).</summary>
    public static uint Increment(uint serial) => unchecked(serial + 1);
}
