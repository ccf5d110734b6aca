using System.Net;
using Fos1.Testbed.Kubernetes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class TestApiServerLeaseTests
{
    [Fact]
    public async Task Leases_are_served_and_a_replace_from_a_stale_read_is_409_Conflict()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "kea-sidecar" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } },
            "lab");
        var read = await client.CoordinationV1.ReadNamespacedLeaseAsync("kea-sidecar", "lab");
        read.Spec.HolderIdentity = "b";
        var replaced = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(read, "kea-sidecar", "lab");
        created.Spec.HolderIdentity = "c";

        var error = await Assert.ThrowsAsync<HttpOperationException>(
            () => client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "kea-sidecar", "lab"));

        Assert.Equal(("coordination.k8s.io/v1", "Lease", "1"), (created.ApiVersion, created.Kind, created.Metadata.ResourceVersion));
        Assert.Equal(("b", "2"), (replaced.Spec.HolderIdentity, replaced.Metadata.ResourceVersion));
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("b", (await client.CoordinationV1.ReadNamespacedLeaseAsync("kea-sidecar", "lab")).Spec.HolderIdentity);
    }

    [Fact]
    public async Task Reading_a_missing_lease_is_404()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(
            () => client.CoordinationV1.ReadNamespacedLeaseAsync("absent", "lab"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }
}
