using System.Text.Json;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Json;
using Fos1.Kubernetes.Leadership;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Tests.Support;
using k8s.Models;

namespace Fos1.Kubernetes.Tests.Configuration;

/// <summary>
/// The layer's own JSON (not KubernetesClient's all-models context): the bytes must be what the API server and
/// client-go expect: names, nulls left out, metav1.Time to the second, Lease times as MicroTime (RFC3339Micro).
/// </summary>
public sealed class KubernetesSerializationTests
{
    private const string LeaseJson =
        """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"fos1-sidecars","namespace":"default","resourceVersion":"7"},"spec":{"acquireTime":"2026-11-29T06:00:00.123456Z","holderIdentity":"dns-0","leaseDurationSeconds":15,"leaseTransitions":2,"renewTime":"2026-11-29T06:00:05.000001Z"}}""";

    [Fact]
    public void A_Lease_reads_and_writes_the_same_bytes()
    {
        var lease = JsonSerializer.Deserialize(LeaseJson, KubernetesApiJson.Default.Lease)!;

        Assert.Equal("dns-0", lease.Spec!.HolderIdentity);
        Assert.Equal(15, lease.Spec.LeaseDurationSeconds);
        Assert.Equal(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560), lease.Spec.AcquireTime);
        Assert.Equal(LeaseJson, JsonSerializer.Serialize(lease, KubernetesApiJson.Default.Lease));
    }

    [Fact]
    public void Lease_times_are_written_with_exactly_six_fractional_digits_for_go_s_RFC3339Micro()
    {
        var lease = new Lease
        {
            Metadata = new V1ObjectMeta { Name = "l" },
            Spec = new LeaseSpec
            {
                AcquireTime = new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc),
                RenewTime = new DateTime(2026, 11, 29, 6, 0, 5, DateTimeKind.Utc).AddTicks(1_234_567),
            },
        };

        Assert.Equal(
            """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"},"spec":{"acquireTime":"2026-11-29T06:00:00.000000Z","renewTime":"2026-11-29T06:00:05.123456Z"}}""",
            JsonSerializer.Serialize(lease, KubernetesApiJson.Default.Lease));
    }

    [Theory]
    [InlineData("2026-11-29T06:00:05Z", 0)]
    [InlineData("2026-11-29T06:00:05.5Z", 5_000_000)]
    [InlineData("2026-11-29T06:00:05.000001Z", 10)]
    [InlineData("2026-11-29T06:00:05.123456789Z", 1_234_567)]
    [InlineData("2026-11-29T07:00:05+01:00", 0)]
    public void Times_read_with_or_without_fractions(string text, long ticks)
    {
        var json = $$$"""{"spec":{"renewTime":"{{{text}}}"},"metadata":{"creationTimestamp":"{{{text}}}"}}""";

        var lease = JsonSerializer.Deserialize(json, KubernetesApiJson.Default.Lease)!;

        var expected = new DateTime(2026, 11, 29, 6, 0, 5, DateTimeKind.Utc).AddTicks(ticks);
        Assert.Equal(expected, lease.Spec!.RenewTime);
        Assert.Equal(DateTimeKind.Utc, lease.Spec.RenewTime!.Value.Kind);
        Assert.Equal(expected, lease.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Metadata_timestamps_are_written_RFC3339_to_the_second()
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s", CreationTimestamp = new DateTime(2026, 11, 29, 6, 0, 5, DateTimeKind.Utc).AddTicks(1_234_567) },
        };

        Assert.Equal(
            """{"metadata":{"creationTimestamp":"2026-11-29T06:00:05Z","name":"s"}}""",
            JsonSerializer.Serialize(secret, KubernetesApiJson.Default.V1Secret));
        Assert.Equal(
            """{"metadata":{"creationTimestamp":"2026-11-29T06:00:05Z","name":"s"}}""",
            KubernetesSerialization.Serialize(secret));
    }

    [Fact]
    public void A_custom_resource_list_reads_its_items_continue_token_and_resource_version()
    {
        const string json =
            """{"apiVersion":"test.fos1.io/v1","kind":"WidgetList","metadata":{"continue":"next","resourceVersion":"42"},"items":[{"apiVersion":"test.fos1.io/v1","kind":"Widget","metadata":{"name":"a","namespace":"default","resourceVersion":"41","generation":3},"spec":{"color":"red"}}]}""";

        var list = KubernetesSerialization.Deserialize<CustomResourceList<Widget>>(json)!;

        Assert.Equal("next", list.Metadata.ContinueProperty);
        Assert.Equal("42", list.Metadata.ResourceVersion);
        var widget = Assert.Single(list.Items);
        Assert.Equal(("a", 3L, "red"), (widget.Metadata.Name, widget.Metadata.Generation!.Value, widget.Spec!.Color));
    }

    [Fact]
    public void A_status_error_keeps_its_code_and_message()
    {
        const string json = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}""";

        var status = KubernetesSerialization.Deserialize<V1Status>(json)!;

        Assert.Equal((410, "Expired", "too old resource version: 1 (5)"), (status.Code!.Value, status.Reason, status.Message));
    }

    [Fact]
    public void The_JIT_build_falls_back_to_reflection_for_types_no_context_names()
    {
        Assert.True(KubernetesSerialization.UseReflectionMetadata());
    }
}
