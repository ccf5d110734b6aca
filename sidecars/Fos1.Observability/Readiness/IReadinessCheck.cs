namespace Fos1.Observability.Readiness;

/// <summary>
/// One condition the sidecar needs to do its job (a socket bound, a server reachable, a backlog small enough).
/// Checks read state the services already keep: they must be cheap and must not do I/O, since probes call them
/// every few seconds.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Short, stable, lower-case name shown in /readyz and /status (e.g. "ncr-listener", "dns:home.arpa.").</summary>
    string Name { get; }

    ReadinessResult Check();
}
