using System.Text;

namespace Fos1.Corefile.Templates;

/// <summary>
/// One block template with <c>{{name}}</c> placeholders (lower case letters and <c>_</c>). A placeholder
/// alone on its line may expand to several lines, each indented like the placeholder, or to nothing,
/// which drops the line: that is how optional plugins (<c>log</c>, <c>cache</c>) and nested templates
/// fit without a conditional syntax.
/// </summary>
public sealed class CorefileTemplate
{
    private readonly string[] _lines;

    public CorefileTemplate(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Placeholders = _lines.SelectMany(line => Scan(line).Where(part => part.IsPlaceholder).Select(part => part.Text))
            .Distinct(StringComparer.Ordinal).ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Fills every placeholder; the result has no trailing newline.</summary>
    /// <exception cref="CorefileTemplateException">A placeholder has no value, or a multi-line value is not alone on its line.</exception>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new List<string>(_lines.Length);
        foreach (var line in _lines)
        {
            var parts = Scan(line);
            if (parts.Count == 3 && parts[1].IsPlaceholder && string.IsNullOrWhiteSpace(parts[0].Text) && string.IsNullOrWhiteSpace(parts[2].Text))
            {
                var value = Lookup(values, parts[1].Text);
                output.AddRange(value.Length == 0 ? [] : value.Split('\n').Select(v => parts[0].Text + v));
                continue;
            }

            var filled = new StringBuilder();
            foreach (var part in parts)
            {
                var text = part.IsPlaceholder ? Lookup(values, part.Text) : part.Text;
                if (part.IsPlaceholder && text.Contains('\n', StringComparison.Ordinal))
                {
                    throw new CorefileTemplateException(
                        $"template '{Name}': '{{{{{part.Text}}}}}' expands to several lines, so it must stand alone on its line");
                }

                filled.Append(text);
            }

            output.Add(filled.ToString());
        }

        return string.Join('\n', output);
    }

    private string Lookup(IReadOnlyDictionary<string, string> values, string placeholder) =>
        values.TryGetValue(placeholder, out var value)
            ? value
            : throw new CorefileTemplateException(
                $"template '{Name}' uses the unknown placeholder '{{{{{placeholder}}}}}'; known here: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}");

    // A line as literal text and placeholders, alternating, starting and ending with literal text (maybe empty).
    private List<Part> Scan(string line)
    {
        var parts = new List<Part>();
        var at = 0;
        while (true)
        {
            var open = line.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                if (line.IndexOf("}}", at, StringComparison.Ordinal) >= 0)
                {
                    throw new CorefileTemplateException($"template '{Name}': '}}}}' without '{{{{' in \"{line}\"");
                }

                parts.Add(new Part(line[at..], false));
                return parts;
            }

            parts.Add(new Part(line[at..open], false));
            var close = line.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new CorefileTemplateException($"template '{Name}': '{{{{' is not closed in \"{line}\"");
            }

            var name = line[(open + 2)..close];
            if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or '_'))
            {
                throw new CorefileTemplateException($"template '{Name}': '{{{{{name}}}}}' is not a placeholder name (a-z and _)");
            }

            parts.Add(new Part(name, true));
            at = close + 2;
        }
    }

    private readonly record struct Part(string Text, bool IsPlaceholder);
}
