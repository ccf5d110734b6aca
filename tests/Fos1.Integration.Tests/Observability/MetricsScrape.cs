using System.Globalization;

namespace Fos1.Integration.Tests.Observability;

/// <summary>One scrape of /metrics (Prometheus text format), read back as series and values.</summary>
internal sealed class MetricsScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = [];

    private MetricsScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                foreach (var pair in series[(brace + 1)..^1].Split("\",", StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..equals]] = pair[(equals + 1)..].Trim('"');
                }
            }

            _series.Add((brace >= 0 ? series[..brace] : series, labels, value));
        }
    }

    public string Text { get; }

    public static MetricsScrape Parse(string text) => new(text);

    /// <summary>The sum over every series of <paramref name="name"/> carrying all of <paramref name="labels"/> ("key=value"); 0 when none.</summary>
    public double Sum(string name, params string[] labels)
    {
        var wanted = labels.Select(l => l.Split('=', 2)).ToList();
        return _series.Where(s => s.Name == name && wanted.All(w => s.Labels.TryGetValue(w[0], out var v) && v == w[1])).Sum(s => s.Value);
    }
}
