using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Text;

/// <summary>
/// Reads an RFC 1035 master file into a zone: what <see cref="ZoneFileWriter"/> renders, plus what
/// hand-written static zones use: $ORIGIN, $TTL, '@', relative names, an omitted owner (the previous
/// one), TTL and class in either order and optional, TTL units (1h), parentheses, comments. Only
/// class IN; no $INCLUDE or $GENERATE.
/// </summary>
public static class ZoneFileReader
{
    /// <exception cref="ZoneFileException">The text is not a valid zone; the message names the line.</exception>
    public static Zone Parse(string text, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        var records = new List<ResourceRecord>();
        var current = origin;
        uint? defaultTtl = null;
        uint? previousTtl = null;
        DnsName? previousOwner = null;
        foreach (var entry in MasterFileTokenizer.Entries(text))
        {
            try
            {
                var first = entry.Tokens[0];
                if (!entry.OwnerOmitted && !first.Quoted && first.Text.StartsWith('$'))
                {
                    (current, defaultTtl) = Directive(entry, current, defaultTtl);
                    continue;
                }

                var at = 0;
                var owner = entry.OwnerOmitted
                    ? previousOwner ?? throw new FormatException("the first record has no owner name")
                    : Name(entry.Tokens[at++].Text, current);
                var (ttl, type) = TtlClassAndType(entry.Tokens, ref at);
                ttl ??= defaultTtl ?? previousTtl ?? throw new FormatException("the record has no TTL and no $TTL precedes it");
                var data = RdataText.Parse(type, entry.Tokens.Skip(at).ToList(), current);
                records.Add(new ResourceRecord(owner, ttl.Value, data));
                previousOwner = owner;
                previousTtl = ttl;
            }
            catch (FormatException e)
            {
                throw new ZoneFileException(entry.Line, e.Message);
            }
        }

        try
        {
            return Zone.Create(origin, records);
        }
        catch (ArgumentException e)
        {
            throw new ZoneFileException($"zone {origin}: {e.Message}", e);
        }
    }

    private static (DnsName Origin, uint? DefaultTtl) Directive(Entry entry, DnsName origin, uint? defaultTtl)
    {
        var tokens = entry.Tokens;
        var name = tokens[0].Text.ToUpperInvariant();
        if (tokens.Count != 2 || name is not ("$ORIGIN" or "$TTL"))
        {
            throw new FormatException($"'{tokens[0].Text}' with {tokens.Count - 1} arguments is not a supported directive ($ORIGIN name, $TTL time)");
        }

        if (name == "$ORIGIN")
        {
            return (Name(tokens[1].Text, origin), defaultTtl);
        }

        return TtlText.TryParse(tokens[1].Text, out var ttl)
            ? (origin, ttl)
            : throw new FormatException($"'{tokens[1].Text}' is not a TTL");
    }

    /// <summary>RFC 1035 section 5.1: [TTL] [class] type, or [class] [TTL] type.</summary>
    private static (uint? Ttl, ushort Type) TtlClassAndType(IReadOnlyList<Token> tokens, ref int at)
    {
        uint? ttl = null;
        var sawClass = false;
        while (at < tokens.Count)
        {
            var text = tokens[at++].Text;
            if (ttl is null && TtlText.TryParse(text, out var value))
            {
                ttl = value;
            }
            else if (!sawClass && text.Equals("IN", StringComparison.OrdinalIgnoreCase))
            {
                sawClass = true;
            }
            else if (text.ToUpperInvariant() is "CH" or "HS" or "CS" or "CLASS3" or "CLASS4")
            {
                throw new FormatException($"class {text} is not supported: zones here are class IN");
            }
            else
            {
                return DnsType.TryParse(text, out var type)
                    ? (ttl, type)
                    : throw new FormatException($"'{text}' is not a record type this server knows (write others as TYPEnnn \\# length hex)");
            }
        }

        throw new FormatException("the record has no type");
    }

    private static DnsName Name(string token, DnsName origin) =>
        MasterNames.Parse(token, origin, out var error) ?? throw new FormatException(error);
}
