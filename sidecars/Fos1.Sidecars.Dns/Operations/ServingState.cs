namespace Fos1.Sidecars.Dns.Operations;

/// <summary>Which of the dns sidecar's listeners are bound (written by their hosted services, read by readiness).</summary>
public sealed class ServingState
{
    private volatile string? _updateListener;
    private volatile string? _grpcBridge;

    /// <summary>Where the RFC 2136 listener is bound; null until it is.</summary>
    public string? UpdateListener => _updateListener;

    /// <summary>Where the gRPC bridge is bound; null until it is (or when it is off).</summary>
    public string? GrpcBridge => _grpcBridge;

    public void UpdateListenerBound(string endpoint) => _updateListener = endpoint;

    public void GrpcBridgeBound(string endpoint) => _grpcBridge = endpoint;
}
