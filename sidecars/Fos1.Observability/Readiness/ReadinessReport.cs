using System.Text;

namespace Fos1.Observability.Readiness;

/// <summary>Every check's verdict; ready only when all are healthy (no checks: ready).</summary>
public sealed record ReadinessReport(IReadOnlyList<ReadinessCheckResult> Checks)
{
    public bool Ready => Checks.All(c => c.Healthy);

    /// <summary>Runs every check; a check that throws counts as failing with the exception's message (a bug must not hide as "ready").</summary>
    public static ReadinessReport Evaluate(IEnumerable<IReadinessCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var results = new List<ReadinessCheckResult>();
        foreach (var check in checks)
        {
            ReadinessResult result;
            try
            {
                result = check.Check();
            }
#pragma warning disable CA1031 // any failure of a check is a reason, reported, not a crash of the probe
            catch (Exception e)
#pragma warning restore CA1031
            {
                result = ReadinessResult.Failing($"check failed: {e.GetType().Name}: {e.Message}");
            }

            results.Add(new ReadinessCheckResult(check.Name, result.Healthy, result.Reason));
        }

        return new ReadinessReport(results);
    }

    /// <summary>
    /// The /readyz body: "ready" or "not ready", then one line per check, "ok" or "FAIL", its name and reason, e.g.
    /// <c>FAIL dns:home.arpa.: 127.0.0.1:53 unreachable (Timeout) at 2026-01-01T00:00:00Z</c>.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder(Ready ? "ready\n" : "not ready\n");
        foreach (var check in Checks)
        {
            text.Append(check.Healthy ? "ok   " : "FAIL ").Append(check.Check).Append(": ").Append(check.Reason).Append('\n');
        }

        return text.ToString();
    }
}
