namespace Fos1.Kea.ControlSocket;

/// <summary>Builds the configured <see cref="IKeaControlChannel"/>.</summary>
public static class KeaControlChannels
{
    /// <param name="http">Used by the http transport only (the host's IHttpClientFactory client).</param>
    public static IKeaControlChannel Create(KeaControlOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Transport switch
        {
            KeaControlTransport.Unix => new KeaUnixSocketChannel(
                options.SocketPath ?? throw new ArgumentException("KeaControl:SocketPath is required for the unix transport", nameof(options)),
                options.MaxReplyBytes,
                options.Timeout),
            KeaControlTransport.Http => new KeaControlAgentChannel(
                http ?? throw new ArgumentException("an HttpClient is required for the http transport", nameof(http)),
                options.ControlAgentUrl ?? throw new ArgumentException("KeaControl:ControlAgentUrl is required for the http transport", nameof(options)),
                options.Service,
                options.MaxReplyBytes,
                options.Timeout),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "unknown Kea control transport"),
        };
    }
}
