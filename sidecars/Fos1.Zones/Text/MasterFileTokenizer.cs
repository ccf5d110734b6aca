using System.Text;

namespace Fos1.Zones.Text;

/// <summary>
/// Splits master-file text into entries (RFC 1035 section 5.1): ';' comments, quoted strings,
/// backslash escapes, and parentheses that let an entry span lines.
/// </summary>
internal static class MasterFileTokenizer
{
    public static IEnumerable<Entry> Entries(string text)
    {
        var line = 1;
        var entryLine = 1;
        var depth = 0;
        var tokens = new List<Token>();
        var ownerOmitted = false;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (atLineStart && depth == 0)
            {
                entryLine = line;
                ownerOmitted = c is ' ' or '\t';
                atLineStart = false;
            }

            switch (c)
            {
                case '\n':
                    line++;
                    atLineStart = true;
                    if (depth == 0)
                    {
                        if (tokens.Count > 0)
                        {
                            yield return new Entry(entryLine, ownerOmitted, tokens);
                        }

                        tokens = [];
                    }

                    break;
                case ' ' or '\t' or '\r':
                    break;
                case ';':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        throw new ZoneFileException(line, "')' without '('");
                    }

                    break;
                case '"':
                    tokens.Add(new Token(Quoted(text, ref i, line), true));
                    break;
                default:
                    tokens.Add(new Token(Bare(text, ref i), false));
                    break;
            }
        }

        if (depth != 0)
        {
            throw new ZoneFileException(entryLine, "'(' is never closed");
        }

        if (tokens.Count > 0)
        {
            yield return new Entry(entryLine, ownerOmitted, tokens);
        }
    }

    private static string Quoted(string text, ref int i, int line)
    {
        var token = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return token.ToString();
            }

            if (c == '\n')
            {
                break;
            }

            token.Append(c);
            if (c == '\\' && i + 1 < text.Length)
            {
                token.Append(text[++i]);
            }
        }

        throw new ZoneFileException(line, "a quoted string is not closed on its line");
    }

    private static string Bare(string text, ref int i)
    {
        var start = i;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                continue;
            }

            if (c is ' ' or '\t' or '\r' or '\n' or ';' or '(' or ')' or '"')
            {
                break;
            }
        }

        var token = text[start..i];
        i--;
        return token;
    }
}
