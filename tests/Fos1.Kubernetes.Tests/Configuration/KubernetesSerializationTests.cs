using System.Text.Json;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Tests.Support;
using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Tests.Configuration;

/// <summary>
/// The sidecars switch KubernetesClient's JSON options to reflection metadata (footprint, issue 9): the wire format
/// must stay exactly what the client's generated context produced (names, RFC 3339 times, nulls left out).
/// </summary>
public sealed class KubernetesSerializationTests
{
    private const string LeaseJson =
        """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"fos1-sidecars","namespace":"default","resourceVersion":"7"},"spec":{"acquireTime":"2026-11-29T06:00:00.123456Z","holderIdentity":"dns-0","leaseDurationSeconds":15,"leaseTransitions":2,"renewTime":"2026-11-29T06:00:05.000001Z"}}""";

    [Fact]
    public void A_Lease_reads_and_writes_the_same_bytes_through_reflection_metadata()
    {
        var options = ReflectionOptions();

        var lease = JsonSerializer.Deserialize<V1Lease>(LeaseJson, options)!;

        Assert.Equal("dns-0", lease.Spec.HolderIdentity);
        Assert.Equal(15, lease.Spec.LeaseDurationSeconds);
        Assert.Equal(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560), lease.Spec.AcquireTime);
        Assert.Equal(LeaseJson, JsonSerializer.Serialize(lease, options));
    }

    [Fact]
    public void A_custom_resource_list_reads_its_items_continue_token_and_resource_version()
    {
        const string json =
            """{"apiVersion":"test.fos1.io/v1","kind":"WidgetList","metadata":{"continue":"next","resourceVersion":"42"},"items":[{"apiVersion":"test.fos1.io/v1","kind":"Widget","metadata":{"name":"a","namespace":"default","resourceVersion":"41","generation":3},"spec":{"color":"red"}}]}""";

        var list = JsonSerializer.Deserialize<CustomResourceList<Widget>>(json, ReflectionOptions())!;

        Assert.Equal("next", list.Metadata.ContinueProperty);
        Assert.Equal("42", list.Metadata.ResourceVersion);
        var widget = Assert.Single(list.Items);
        Assert.Equal(("a", 3L, "red"), (widget.Metadata.Name, widget.Metadata.Generation!.Value, widget.Spec!.Color));
    }

    [Fact]
    public void A_status_error_keeps_its_code_and_message()
    {
        const string json = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}""";

        var status = JsonSerializer.Deserialize<V1Status>(json, ReflectionOptions())!;

        Assert.Equal((410, "Expired", "too old resource version: 1 (5)"), (status.Code!.Value, status.Reason, status.Message));
    }

    [Fact]
    public void Switching_the_shared_options_is_idempotent()
    {
        var first = KubernetesSerialization.UseReflectionMetadata();

        Assert.Equal(first, KubernetesSerialization.UseReflectionMetadata());
    }

    /// <summary>A copy of KubernetesClient's own options (converters, naming, null handling) with the switch applied.</summary>
    private static JsonSerializerOptions ReflectionOptions()
    {
        JsonSerializerOptions? copy = null;
        KubernetesJson.AddJsonOptions(shared => copy = new JsonSerializerOptions(shared));
        KubernetesSerialization.UseReflectionMetadata(copy!);
        return copy!;
    }
}
