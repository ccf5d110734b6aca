using System.Reflection;

namespace Fos1.Observability.Endpoint;

/// <summary>Which sidecar this process is, its version and when it started (the head of /status).</summary>
public sealed record SidecarIdentity(string Sidecar, string Version, DateTimeOffset StartedAt)
{
    public static SidecarIdentity Of(string sidecar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var assembly = Assembly.GetEntryAssembly();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString() ?? "unknown";
        return new SidecarIdentity(sidecar, version, time.GetUtcNow());
    }
}
