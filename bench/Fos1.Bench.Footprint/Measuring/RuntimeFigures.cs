namespace Fos1.Bench.Footprint.Measuring;

/// <summary>
/// The runtime's own view at idle, from the sidecar's /metrics (the System.Runtime meter): GC committed bytes and
/// heap size, assemblies loaded, methods JIT'd, thread-pool threads. Read after the idle RSS, so scraping does not
/// disturb that figure.
/// </summary>
public static class RuntimeFigures
{
    private static readonly string[] Wanted =
    [
        "dotnet_gc_last_collection_memory_committed_size_bytes",
        "dotnet_gc_last_collection_heap_size_bytes",
        "dotnet_gc_collections_total",
        "dotnet_assembly_count",
        "dotnet_jit_compiled_methods_total",
        "dotnet_jit_compiled_il_size_bytes_total",
        "dotnet_jit_compilation_time_seconds_total",
        "dotnet_thread_pool_thread_count",
        "dotnet_timer_count",
    ];

    public static async Task<IReadOnlyList<string>> ReadAsync(HttpClient http, Uri metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = await http.GetStringAsync(metrics, cancellationToken);
        return [.. text.Split('\n').Where(line => Wanted.Any(name => line.StartsWith(name, StringComparison.Ordinal)))];
    }
}
