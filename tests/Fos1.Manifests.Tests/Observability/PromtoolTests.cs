using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>Prometheus's own checker accepts the rules and every dashboard query (promtool, Debian package prometheus).</summary>
public sealed class PromtoolTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fos1-promtool-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var result = await PromtoolAsync("check", "rules", ObservabilityFolder.RulesPath);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains($"SUCCESS: {ObservabilityFolder.Rules().Count} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promtool_parses_every_dashboard_query()
    {
        // Grafana's $__rate_interval is no PromQL: a fixed range stands in for it; each query becomes a recording rule.
        var queries = ObservabilityFolder.Panels().SelectMany(p => p.Exprs).Select(e => e.Replace("$__rate_interval", "5m", StringComparison.Ordinal)).ToList();
        var rules = "groups:\n- name: dashboard\n  rules:\n" + string.Concat(queries.Select((q, i) =>
            $"  - record: fos1:dashboard_query_{i}\n    expr: '{q.Replace("'", "''", StringComparison.Ordinal)}'\n"));
        var file = Path.Combine(_directory.FullName, "dashboard.rules.yaml");
        await File.WriteAllTextAsync(file, rules);

        var result = await PromtoolAsync("check", "rules", file);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains($"SUCCESS: {queries.Count} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<BufferedCommandResult> PromtoolAsync(params string[] arguments)
    {
        try
        {
            return await Cli.Wrap("promtool").WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("promtool is not installed: apt-get install prometheus (it ships /usr/bin/promtool).", e);
        }
    }
}
