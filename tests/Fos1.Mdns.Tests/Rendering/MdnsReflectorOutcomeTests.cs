using Fos1.Kubernetes.Resources;
using Fos1.Mdns.Rendering;

namespace Fos1.Mdns.Tests.Rendering;

public sealed class MdnsReflectorOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_applied_reflector_is_ready_with_reason_applied()
    {
        var outcome = new MdnsReflectorOutcome("network", "home", 3, MdnsReflectorState.Applied, "avahi reflects mDNS between eth0, vlan20", []);

        var status = outcome.ToStatus(Now);

        Assert.Equal(3, status.ObservedGeneration);
        var ready = Assert.Single(status.Conditions);
        Assert.Equal(
            new Condition { Type = "Ready", Status = "True", ObservedGeneration = 3, LastTransitionTime = Now, Reason = "Applied", Message = "avahi reflects mDNS between eth0, vlan20" },
            ready);
    }

    [Fact]
    public void A_conflict_is_not_ready_and_keeps_the_transition_time_while_ready_does_not_flip()
    {
        var earlier = Now.AddHours(-1);
        var previous = new ResourceStatus
        {
            Conditions = [new Condition { Type = "Ready", Status = "False", LastTransitionTime = earlier, Reason = "Invalid" }],
        };
        var outcome = new MdnsReflectorOutcome("network", "second", 2, MdnsReflectorState.Conflict, "network/first is in effect", []);

        var ready = Assert.Single(outcome.ToStatus(Now, previous).Conditions);

        Assert.Equal(("False", "Conflict", earlier), (ready.Status, ready.Reason, ready.LastTransitionTime));
    }
}
