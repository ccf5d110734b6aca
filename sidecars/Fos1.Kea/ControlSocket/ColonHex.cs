namespace Fos1.Kea.ControlSocket;

/// <summary>Kea's spelling of octet strings (hw-address, client-id, duid): "1a:2b:3c", case-insensitive.</summary>
public static class ColonHex
{
    /// <returns>False for anything but pairs of hex digits joined by colons; an empty text is an empty array.</returns>
    public static bool TryParse(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if ((text.Length + 1) % 3 != 0)
        {
            return false;
        }

        var result = new byte[(text.Length + 1) / 3];
        for (var i = 0; i < result.Length; i++)
        {
            var at = i * 3;
            if ((at + 2 < text.Length && text[at + 2] != ':') || !Uri.IsHexDigit(text[at]) || !Uri.IsHexDigit(text[at + 1]))
            {
                return false;
            }

            result[i] = (byte)((Convert.ToByte(text[at].ToString(), 16) << 4) | Convert.ToByte(text[at + 1].ToString(), 16));
        }

        bytes = result;
        return true;
    }
}
