using System.Globalization;
using System.Net;
using System.Text;

namespace Fos1.Kea.Hooks;

/// <summary>
/// The NAME=VALUE entries of one spool file (<c>env -0</c> output: each entry NUL-terminated, the
/// first '=' separates name and value) with typed getters that name the variable when a value is bad.
/// </summary>
internal sealed class HookEnvironment
{
    // Kea's own strings are ASCII; a client-chosen host name may be anything. Invalid UTF-8 becomes
    // U+FFFD, which the naming code later refuses or replaces, instead of failing the whole file.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Dictionary<string, string> _variables;

    private HookEnvironment(Dictionary<string, string> variables) => _variables = variables;

    public static HookEnvironment Parse(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty)
        {
            throw new HookFormatException(HookParseErrorKind.Empty, "the spool file is empty");
        }

        if (file[^1] != 0)
        {
            throw new HookFormatException(HookParseErrorKind.Truncated, "the last entry is not NUL-terminated: the file was cut short or is not `env -0` output");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = file[..^1];
        while (true)
        {
            var end = rest.IndexOf((byte)0);
            var entry = end < 0 ? rest : rest[..end];
            var equals = entry.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw new HookFormatException(HookParseErrorKind.Malformed, $"entry '{Describe(entry)}' is not NAME=VALUE");
            }

            // Later entries win, as in a shell; env never prints a name twice anyway.
            variables[Utf8.GetString(entry[..equals])] = Utf8.GetString(entry[(equals + 1)..]);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return new HookEnvironment(variables);
    }

    public string? Find(string name) => _variables.GetValueOrDefault(name);

    public string Required(string name) =>
        _variables.TryGetValue(name, out var value)
            ? value
            : throw new HookFormatException(HookParseErrorKind.MissingVariable, $"{name} is missing");

    public string? Optional(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public ulong UInt64(string name) =>
        ulong.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(name, "is not an unsigned number");

    public uint UInt32(string name) =>
        uint.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(name, "is not an unsigned 32-bit number");

    public IPAddress Address(string name) =>
        IPAddress.TryParse(Required(name), out var address)
            ? address
            : throw Bad(name, "is not an IP address");

    /// <summary>Kea's colon-hex (<c>01:00:0c:01:02:03:04</c>); an empty value means "none".</summary>
    public byte[]? Hex(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        var groups = text.Split(':');
        var bytes = new byte[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i].Length is < 1 or > 2
                || !byte.TryParse(groups[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                throw Bad(name, "is not colon-separated hex octets");
            }
        }

        return bytes;
    }

    private HookFormatException Bad(string name, string problem) =>
        new(HookParseErrorKind.BadValue, $"{name}='{Describe(Required(name))}' {problem}");

    private static string Describe(ReadOnlySpan<byte> entry) => Describe(Utf8.GetString(entry));

    private static string Describe(string text)
    {
        const int Limit = 80;
        var shown = text.Length > Limit ? text[..Limit] + "..." : text;
        return shown.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
    }
}
