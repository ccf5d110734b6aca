using System.Text.Json.Serialization;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Kubernetes.Tests.Support;

namespace Fos1.Kubernetes.Tests.Status;

public sealed class StatusWriterTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_changed_status_is_written_as_a_merge_patch_of_the_status_alone()
    {
        var client = new ScriptedResourceClient<Widget>(Widget.Resource);
        var writer = new StatusWriter<Widget, ResourceStatus>(client);
        var widget = Widget.Make("lab", "w1", "5", generation: 2);
        var next = new ResourceStatus { ObservedGeneration = 2, Conditions = Conditions.Set([], Conditions.Ready(2, "Applied", "ok"), Now) };

        Assert.True(await writer.WriteAsync(widget, next, CancellationToken.None));

        var (namespaceName, name, patch) = Assert.Single(client.Patches);
        Assert.Equal(("lab", "w1"), (namespaceName, name));
        Assert.Equal(
            """{"status":{"observedGeneration":2,"conditions":[{"type":"Ready","status":"True","observedGeneration":2,"lastTransitionTime":"2026-01-01T11:00:00Z","reason":"Applied","message":"ok"}]}}""",
            patch);
    }

    [Fact]
    public async Task A_status_that_differs_only_in_transition_times_is_not_written()
    {
        var client = new ScriptedResourceClient<Widget>(Widget.Resource);
        var writer = new StatusWriter<Widget, ResourceStatus>(client);
        var widget = Widget.Make("lab", "w1", "5");
        widget.Status = new ResourceStatus { ObservedGeneration = 1, Conditions = Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Earlier) };
        var next = new ResourceStatus { ObservedGeneration = 1, Conditions = Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Now) };

        Assert.False(await writer.WriteAsync(widget, next, CancellationToken.None));
        Assert.Empty(client.Patches);
    }

    [Fact]
    public async Task A_new_observed_generation_is_written()
    {
        var client = new ScriptedResourceClient<Widget>(Widget.Resource);
        var writer = new StatusWriter<Widget, ResourceStatus>(client);
        var widget = Widget.Make("lab", "w1", "5");
        widget.Status = new ResourceStatus { ObservedGeneration = 1 };

        Assert.True(await writer.WriteAsync(widget, new ResourceStatus { ObservedGeneration = 2 }, CancellationToken.None));
        Assert.Single(client.Patches);
    }

    [Fact]
    public void Fields_of_a_derived_status_take_part_in_the_comparison()
    {
        var current = new RenderedStatus { ObservedGeneration = 1, ConfigHash = "aa" };

        Assert.True(StatusEquality.SameIgnoringTransitionTimes(current, current with { }));
        Assert.False(StatusEquality.SameIgnoringTransitionTimes(current, current with { ConfigHash = "bb" }));
        Assert.False(StatusEquality.SameIgnoringTransitionTimes(null, current));
    }

    private sealed record RenderedStatus : ResourceStatus
    {
        [JsonPropertyName("configHash")]
        public string ConfigHash { get; init; } = "";
    }
}
