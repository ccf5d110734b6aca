using System.Diagnostics.CodeAnalysis;

namespace Fos1.Ddns;

/// <summary>
/// An absolute domain name in presentation form without the trailing dot ("" is the root).
/// Compared case-insensitively, as DNS does; the original spelling is kept for display.
/// </summary>
public sealed class DnsName : IEquatable<DnsName>
{
    public const int MaxLabelLength = 63;

    /// <summary>253 presentation characters = 255 octets on the wire.</summary>
    public const int MaxNameLength = 253;

    private readonly string[] _labels;

    private DnsName(string[] labels)
    {
        _labels = labels;
        Text = string.Join('.', labels);
    }

    public static DnsName Root { get; } = new([]);

    /// <summary>The name without the trailing dot, e.g. "host.home.arpa".</summary>
    public string Text { get; }

    public IReadOnlyList<string> Labels => _labels;

    public static DnsName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>
    /// Accepts any printable ASCII label of 1..63 characters (reverse names, service labels and
    /// DHCID-owned names alike); host-name policy is stricter and lives in the naming code.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (text is null)
        {
            error = "name is missing";
            return false;
        }

        var trimmed = text.EndsWith('.') ? text[..^1] : text;
        if (trimmed.Length == 0)
        {
            name = Root;
            error = null;
            return true;
        }

        if (trimmed.Length > MaxNameLength)
        {
            error = $"name is {trimmed.Length} characters long, more than {MaxNameLength}";
            return false;
        }

        var labels = trimmed.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                error = $"name '{text}' has an empty label";
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                error = $"label '{label}' is {label.Length} characters long, more than {MaxLabelLength}";
                return false;
            }

            foreach (var c in label)
            {
                if (c <= ' ' || c > '~' || c == '\\' || c == '"' || c == ';' || c == '(' || c == ')')
                {
                    error = $"label '{label}' contains the character U+{(int)c:X4}, which is not allowed in a name";
                    return false;
                }
            }
        }

        name = new DnsName(labels);
        error = null;
        return true;
    }

    /// <summary>True when this name equals <paramref name="zone"/> or lies below it on a label boundary.</summary>
    public bool IsAtOrBelow(DnsName zone)
    {
        if (zone._labels.Length > _labels.Length)
        {
            return false;
        }

        var offset = _labels.Length - zone._labels.Length;
        for (var i = 0; i < zone._labels.Length; i++)
        {
            if (!string.Equals(_labels[offset + i], zone._labels[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name one label up (<c>host.home.arpa</c> -> <c>home.arpa</c>); null for the root.</summary>
    public DnsName? Parent => _labels.Length == 0 ? null : new DnsName(_labels[1..]);

    /// <summary>
    /// The uncompressed wire form with ASCII letters lower-cased and the root label included (RFC 4034
    /// section 6.2). The DHCID digest is taken over exactly these octets: Kea builds them with
    /// <c>writeFqdn(hostname, downcase: true)</c>, so two spellings of one name share one owner.
    /// </summary>
    public byte[] ToCanonicalWireFormat()
    {
        var length = 1;
        foreach (var label in _labels)
        {
            length += 1 + label.Length;
        }

        var wire = new byte[length];
        var at = 0;
        foreach (var label in _labels)
        {
            wire[at++] = (byte)label.Length;
            foreach (var c in label)
            {
                // Only A-Z fold: DNS case-insensitivity is ASCII-only (RFC 4343), labels here are ASCII.
                wire[at++] = (byte)(c is >= 'A' and <= 'Z' ? c + ('a' - 'A') : c);
            }
        }

        return wire;
    }

    /// <summary>Prepends one label: <c>home.arpa</c>.Prepend("host") is <c>host.home.arpa</c>.</summary>
    public DnsName Prepend(string label) => Parse(Text.Length == 0 ? label : label + "." + Text);

    public bool Equals(DnsName? other) =>
        other is not null && string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as DnsName);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Text);

    /// <summary>Fully qualified, with the trailing dot.</summary>
    public override string ToString() => Text + ".";

    public static bool operator ==(DnsName? left, DnsName? right) => Equals(left, right);

    public static bool operator !=(DnsName? left, DnsName? right) => !Equals(left, right);
}
