namespace Fos1.Observability.Readiness;

/// <summary>One line of the readiness report (also the JSON shape of /status "readiness" items).</summary>
public sealed record ReadinessCheckResult(string Check, bool Healthy, string Reason);
