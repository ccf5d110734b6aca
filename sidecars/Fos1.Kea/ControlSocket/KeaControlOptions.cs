using System.ComponentModel.DataAnnotations;

namespace Fos1.Kea.ControlSocket;

/// <summary>Which control channel reconciliation uses and its limits.</summary>
public sealed record KeaControlOptions
{
    /// <summary><c>unix</c> (the daemon's <c>control-socket</c>) or <c>http</c> (the Kea Control Agent).</summary>
    public KeaControlTransport Transport { get; init; } = KeaControlTransport.Unix;

    /// <summary>The daemon's <c>control-socket.socket-name</c> (unix transport).</summary>
    public string? SocketPath { get; init; }

    /// <summary>The Control Agent URL, e.g. http://127.0.0.1:8000/ (http transport).</summary>
    public Uri? ControlAgentUrl { get; init; }

    /// <summary>The Control Agent service to route to: <c>dhcp4</c> or <c>dhcp6</c> (http transport).</summary>
    public string Service { get; init; } = "dhcp4";

    /// <summary>A reply larger than this is refused (a lease page of 1,000 leases is about 300 KiB).</summary>
    [Range(1024, int.MaxValue)]
    public int MaxReplyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Whole-command deadline: connect, send, read to the end.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

public enum KeaControlTransport
{
    Unix,
    Http,
}
