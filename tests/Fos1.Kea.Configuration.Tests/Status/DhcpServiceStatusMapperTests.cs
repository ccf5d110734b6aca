using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kea.Configuration.Status;
using Fos1.Kubernetes.Resources;

namespace Fos1.Kea.Configuration.Tests.Status;

public sealed class DhcpServiceStatusMapperTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static readonly DhcpServiceStatus RunningGeneration2 = new()
    {
        ObservedGeneration = 2,
        AppliedGeneration = 2,
        ConfigHash = "sha256:old",
        Conditions =
        [
            new Condition { Type = "Ready", Status = "True", Reason = "Applied", ObservedGeneration = 2, LastTransitionTime = Earlier },
            new Condition { Type = "Degraded", Status = "False", Reason = "Applied", ObservedGeneration = 2, LastTransitionTime = Earlier },
        ],
    };

    [Fact]
    public void An_applied_service_is_ready_with_the_generation_and_hash_kea_runs()
    {
        var status = DhcpServiceStatusMapper.Map(Included(3), new ApplyResult.Applied("sha256:new", false, "/etc/kea/kea-dhcp4.conf"), RunningGeneration2, Now);

        Assert.Equal((3L, 3L, "sha256:new"), (status.ObservedGeneration!.Value, status.AppliedGeneration!.Value, status.ConfigHash));
        Assert.Equal(
            [("Ready", "True", "Applied", Earlier), ("Degraded", "False", "Applied", Earlier)],
            status.Conditions.Select(c => (c.Type, c.Status, c.Reason, c.LastTransitionTime)));
        Assert.All(status.Conditions, c => Assert.Equal(3, c.ObservedGeneration));
    }

    [Fact]
    public void A_rejected_change_carries_keas_message_and_keeps_the_generation_kea_still_runs()
    {
        var status = DhcpServiceStatusMapper.Map(
            Included(3), new ApplyResult.Rejected("sha256:new", "config-test", "subnet configuration failed: bad pool (<wire>:0:363)"), RunningGeneration2, Now);

        var ready = status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "Rejected", "Kea refused the configuration in config-test: subnet configuration failed: bad pool (<wire>:0:363)", Now),
            (ready.Status, ready.Reason, ready.Message, ready.LastTransitionTime));
        Assert.Equal((2L, "sha256:old"), (status.AppliedGeneration!.Value, status.ConfigHash));
        Assert.Equal(("True", "Rejected"), status.Conditions.Where(c => c.Type == "Degraded").Select(c => (c.Status, c.Reason)).Single());
    }

    [Fact]
    public void An_unreachable_kea_leaves_readiness_unknown()
    {
        var status = DhcpServiceStatusMapper.Map(Included(3), new ApplyResult.Unreachable("sha256:new", "Kea at unix:/run/kea/kea4-ctrl-socket is unreachable"), RunningGeneration2, Now);

        Assert.Equal(("Unknown", "KeaUnreachable"), status.Conditions.Where(c => c.Type == "Ready").Select(c => (c.Status, c.Reason)).Single());
        Assert.Equal(2L, status.AppliedGeneration);
    }

    [Theory]
    [InlineData(ServiceOutcomeKind.Invalid, "Invalid")]
    [InlineData(ServiceOutcomeKind.Conflict, "Conflict")]
    public void A_service_left_out_is_not_ready_and_no_longer_runs_once_the_rest_is_applied(ServiceOutcomeKind kind, string reason)
    {
        var outcome = new ServiceOutcome("default", "lan", 3, kind, "subnet 10.0.5.0/24 overlaps 10.0.0.0/16 of default/first", []);

        var status = DhcpServiceStatusMapper.Map(outcome, new ApplyResult.Applied("sha256:new", false, null), RunningGeneration2, Now);

        var ready = status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", reason, "Not given to Kea: subnet 10.0.5.0/24 overlaps 10.0.0.0/16 of default/first"), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal(((long?)null, (string?)null), (status.AppliedGeneration, status.ConfigHash));
    }

    private static ServiceOutcome Included(long generation) => new("default", "lan", generation, ServiceOutcomeKind.Included, null, [42]);
}
