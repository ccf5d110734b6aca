namespace Fos1.Kubernetes.Informers;

/// <summary>How an informer lists, watches, reconnects and resyncs. Immutable; vary it with <c>with</c>.</summary>
public sealed record InformerOptions
{
    /// <summary>The namespace to watch; null watches all namespaces (and is required for cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    /// <summary>How often every cached object is re-delivered to handlers; zero turns resync off.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The list page size (limit); the rest comes through continue tokens.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The first reconnect delay; each failure in a row doubles it up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
