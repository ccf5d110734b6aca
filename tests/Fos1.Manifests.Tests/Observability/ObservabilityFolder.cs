using System.Text.Json;
using System.Text.RegularExpressions;
using Fos1.Manifests.Tests.Crds;
using YamlDotNet.Serialization;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>One alert rule as both rule files hold it.</summary>
internal sealed record AlertRule(string Group, string Alert, string Expr, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

/// <summary>manifests/observability: the dashboard, the two copies of the alert rules, the PromQL in them.</summary>
internal static partial class ObservabilityFolder
{
    public static string Directory => Path.Combine(ManifestFolder.Root, "manifests", "observability");

    public static string DashboardPath => Path.Combine(Directory, "dashboards", "fos1-dns-dhcp.json");

    public static string RulesPath => Path.Combine(Directory, "rules", "fos1.rules.yaml");

    public static string PrometheusRulePath => Path.Combine(Directory, "prometheusrule.yaml");

    public static JsonDocument Dashboard() => JsonDocument.Parse(File.ReadAllText(DashboardPath));

    /// <summary>Every panel's (title, PromQL expressions), rows excluded.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<string> Exprs)> Panels()
    {
        using var dashboard = Dashboard();
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.GetProperty("type").GetString() != "row")
            .Select(p => (p.GetProperty("title").GetString()!,
                (IReadOnlyList<string>)p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList()))
            .ToList();
    }

    /// <summary>The plain rules file's groups, as a YAML object graph.</summary>
    public static object PlainGroups() => Yaml(RulesPath)["groups"];

    /// <summary>The PrometheusRule's spec.groups, as a YAML object graph.</summary>
    public static object OperatorGroups() => ((Dictionary<object, object>)Yaml(PrometheusRulePath)["spec"])["groups"];

    public static IReadOnlyList<AlertRule> Rules() =>
        ((List<object>)PlainGroups()).Cast<Dictionary<object, object>>()
            .SelectMany(group => ((List<object>)group["rules"]).Cast<Dictionary<object, object>>()
                .Select(rule => new AlertRule(
                    (string)group["name"],
                    (string)rule["alert"],
                    (string)rule["expr"],
                    Strings(rule, "labels"),
                    Strings(rule, "annotations"))))
            .ToList();

    /// <summary>The metric names a PromQL expression reads (ours all start with fos1_).</summary>
    public static IReadOnlyList<string> MetricNames(string promql) =>
        Identifier().Matches(Labels().Replace(promql, "{}")).Select(m => m.Value).Where(n => n.StartsWith("fos1_", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>Canonical JSON of a YAML object graph, to compare two documents' content.</summary>
    public static string Canonical(object graph) =>
        new SerializerBuilder().JsonCompatible().Build().Serialize(graph);

    private static Dictionary<object, object> Yaml(string path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    private static Dictionary<string, string> Strings(Dictionary<object, object> rule, string key) =>
        rule.TryGetValue(key, out var value) && value is Dictionary<object, object> map
            ? map.ToDictionary(kv => (string)kv.Key, kv => (string)kv.Value)
            : [];

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    // Label matchers hold values such as "Timeout|NetworkError" that are no metric names.
    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Labels();
}
