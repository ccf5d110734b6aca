using Microsoft.AspNetCore.Routing;

namespace Fos1.Observability.Endpoint;

/// <summary>Routes a host adds to its observability endpoint beside /metrics, /healthz and /readyz (the kea sidecar's /status, /resync).</summary>
public interface IOperationsRoutes
{
    void Map(IEndpointRouteBuilder endpoints);
}
