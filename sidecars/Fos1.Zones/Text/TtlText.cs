using System.Globalization;

namespace Fos1.Zones.Text;

/// <summary>TTLs and SOA timers: plain seconds, or BIND's units (1w2d3h4m5s), which static zone files use.</summary>
internal static class TtlText
{
    public static bool TryParse(string text, out uint seconds)
    {
        seconds = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        ulong total = 0;
        ulong number = 0;
        var digits = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (ulong)(c - '0');
                digits = true;
            }
            else
            {
                ulong unit = char.ToLowerInvariant(c) switch { 'w' => 604800, 'd' => 86400, 'h' => 3600, 'm' => 60, 's' => 1, _ => 0 };
                if (unit == 0 || !digits)
                {
                    return false;
                }

                total += number * unit;
                number = 0;
                digits = false;
            }

            if (total > uint.MaxValue || number > uint.MaxValue)
            {
                return false;
            }
        }

        if (digits)
        {
            return false;
        }

        seconds = (uint)total;
        return true;
    }
}
