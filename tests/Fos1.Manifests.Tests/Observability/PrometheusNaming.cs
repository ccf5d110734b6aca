using System.Text;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>
/// The names OpenTelemetry's Prometheus exporter gives an instrument (the rules of its PrometheusMetric, from the
/// OpenTelemetry "Prometheus and OpenMetrics compatibility" specification), so the docs can be checked against them.
/// </summary>
internal static class PrometheusNaming
{
    /// <summary>The exported metric name: sanitized, unit suffix unless already there, <c>_total</c> for counters.</summary>
    public static string NameOf(string instrument, string unit, string type)
    {
        var name = Sanitize(instrument);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        if (type == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    /// <summary>The series names a scrape shows for a metric: histograms as _bucket, _sum and _count.</summary>
    public static IEnumerable<string> SeriesOf(string name, string type) =>
        type == "histogram" ? [name + "_bucket", name + "_sum", name + "_count"] : [name];

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        var lastUnderscore = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i == 0 && char.IsDigit(c))
            {
                sb.Append('_');
                lastUnderscore = true;
            }
            else if (!char.IsLetterOrDigit(c) && c != ':')
            {
                if (!lastUnderscore)
                {
                    sb.Append('_');
                    lastUnderscore = true;
                }
            }
            else
            {
                sb.Append(c);
                lastUnderscore = false;
            }
        }

        return sb.ToString();
    }

    private static string UnitSuffix(string unit)
    {
        // "{request}" is an annotation: a count of requests is unitless in Prometheus.
        var withoutAnnotations = new StringBuilder();
        var depth = 0;
        foreach (var c in unit)
        {
            depth += c == '{' ? 1 : 0;
            if (depth == 0)
            {
                withoutAnnotations.Append(c);
            }

            depth -= c == '}' && depth > 0 ? 1 : 0;
        }

        return withoutAnnotations.ToString() switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "min" => "minutes",
            "h" => "hours",
            "d" => "days",
            "By" => "bytes",
            "1" => "",
            "%" => "percent",
            var other => other,
        };
    }
}
