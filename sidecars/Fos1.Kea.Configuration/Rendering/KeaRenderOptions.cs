using System.Net;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// What the deployment decides rather than the CRs: paths inside the pod and where the kea sidecar listens for
/// NameChangeRequests. Unset paths keep the template's.
/// </summary>
public sealed record KeaRenderOptions
{
    public static KeaRenderOptions Default { get; } = new();

    /// <summary><c>control-socket.socket-name</c>.</summary>
    public string? ControlSocketPath { get; init; }

    /// <summary>The run_script hook's <c>parameters.name</c> (an absolute path: Kea gives the script no PATH).</summary>
    public string? HookScriptPath { get; init; }

    /// <summary><c>lease-database.name</c> (memfile CSV).</summary>
    public string? LeaseFile { get; init; }

    /// <summary>kea-dhcp6's <c>data-directory</c> (where it keeps its server DUID); ignored for v4.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Interfaces for CRs that name none; null = the template's.</summary>
    public IReadOnlyList<string>? DefaultInterfaces { get; init; }

    /// <summary>The kea sidecar's NCR listener (<c>dhcp-ddns.server-ip</c>), used once any CR turns DNS updates on.</summary>
    public IPAddress NcrServerAddress { get; init; } = IPAddress.Loopback;

    /// <summary><c>dhcp-ddns.server-port</c>.</summary>
    public int NcrServerPort { get; init; } = 53001;
}
