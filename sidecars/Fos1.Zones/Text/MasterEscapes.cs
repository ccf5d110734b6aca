namespace Fos1.Zones.Text;

/// <summary>Backslash escapes of RFC 1035 section 5.1: \X is X, \DDD is the octet DDD.</summary>
internal static class MasterEscapes
{
    /// <summary>Decodes the escape whose backslash is at <paramref name="at"/>; leaves <paramref name="at"/> on its last character.</summary>
    public static bool TryDecode(string text, ref int at, out byte octet)
    {
        octet = 0;
        if (at + 1 >= text.Length)
        {
            return false;
        }

        if (at + 3 < text.Length && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3]))
        {
            var value = ((text[at + 1] - '0') * 100) + ((text[at + 2] - '0') * 10) + (text[at + 3] - '0');
            if (value > 255)
            {
                return false;
            }

            octet = (byte)value;
            at += 3;
            return true;
        }

        octet = (byte)text[at + 1];
        at += 1;
        return true;
    }
}
