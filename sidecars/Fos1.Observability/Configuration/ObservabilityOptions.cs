namespace Fos1.Observability.Configuration;

/// <summary>The "Observability" section every sidecar reads: its HTTP endpoint and the shape of its logs.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>
    /// address:port of the HTTP endpoint serving /metrics, /healthz, /readyz (and the host's extras);
    /// empty turns the endpoint off. Each host supplies its default (9101 kea, 9102 dns, 9103 config).
    /// </summary>
    public string? HttpEndpoint { get; set; }

    /// <summary>One JSON object per line on the console (UTC timestamps) instead of the plain text format.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>The kea sidecar is not ready while more name changes than this wait in its outbox.</summary>
    public int OutboxReadyLimit { get; set; } = 10_000;
}
