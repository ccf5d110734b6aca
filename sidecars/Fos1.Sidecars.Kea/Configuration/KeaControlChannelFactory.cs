using Fos1.Kea.ControlSocket;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// The one place the sidecar turns its settings into a Kea control channel: lease reconciliation and
/// configuration apply talk to the same daemon the same way. Owns the Control Agent's HttpClient.
/// </summary>
public sealed class KeaControlChannelFactory : IDisposable
{
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family's socket and Control Agent URL: the KeaConfig family's own, else reconciliation's.</summary>
    public static (string? Socket, string? ControlAgentUrl) Resolve(int family, KeaConfigFamilyOptions settings, ReconciliationOptions reconciliation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reconciliation);
        var socket = !string.IsNullOrEmpty(settings.ControlSocket) ? settings.ControlSocket
            : family == 6 ? reconciliation.Dhcp6ControlSocket : reconciliation.Dhcp4ControlSocket;
        var agent = !string.IsNullOrEmpty(settings.ControlAgentUrl) ? settings.ControlAgentUrl : reconciliation.ControlAgentUrl;
        return (NullIfEmpty(socket), NullIfEmpty(agent));
    }

    /// <summary>The Control Agent (service dhcp4 / dhcp6) when a URL is given, else the daemon's unix socket.</summary>
    public IKeaControlChannel Create(int family, string? socket, string? controlAgentUrl) =>
        string.IsNullOrEmpty(controlAgentUrl)
            ? KeaControlChannels.Create(new KeaControlOptions { Transport = KeaControlTransport.Unix, SocketPath = socket })
            : KeaControlChannels.Create(
                new KeaControlOptions { Transport = KeaControlTransport.Http, ControlAgentUrl = new Uri(controlAgentUrl), Service = family == 6 ? "dhcp6" : "dhcp4" },
                _http.Value);

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
