using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;

namespace Fos1.Kubernetes.Tests.Status;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 11, 30, 15, TimeSpan.Zero);

    [Fact]
    public void A_new_condition_is_added_with_now_as_its_transition_time()
    {
        var result = Conditions.Set([], Conditions.Ready(3, "Applied", "kea accepted the config"), Now);

        var condition = Assert.Single(result);
        Assert.Equal(
            new Condition { Type = "Ready", Status = "True", ObservedGeneration = 3, Reason = "Applied", Message = "kea accepted the config", LastTransitionTime = Now },
            condition);
    }

    [Fact]
    public void Transition_time_stays_when_the_status_is_unchanged_even_if_reason_and_message_change()
    {
        var existing = Conditions.Set([], Conditions.Ready(1, "Applied", "first"), Earlier);

        var result = Conditions.Set(existing, Conditions.Ready(2, "Reapplied", "second"), Now);

        Assert.Equal(
            new Condition { Type = "Ready", Status = "True", ObservedGeneration = 2, Reason = "Reapplied", Message = "second", LastTransitionTime = Earlier },
            Assert.Single(result));
    }

    [Fact]
    public void Transition_time_moves_when_the_status_flips()
    {
        var existing = Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Earlier);

        var result = Conditions.Set(existing, Conditions.NotReady(2, "ConfigRejected", "kea said no"), Now);

        Assert.Equal(Now, Assert.Single(result).LastTransitionTime);
        Assert.Equal("False", result[0].Status);
    }

    [Fact]
    public void Other_conditions_keep_their_place_and_values()
    {
        var existing = Conditions.Set(Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Earlier), Conditions.NotDegraded(1, "Healthy", ""), Earlier);

        var result = Conditions.Set(existing, Conditions.Degraded(2, "ConfigRejected", "bad pool"), Now);

        Assert.Equal(["Ready", "Degraded"], result.Select(condition => condition.Type));
        Assert.Equal(existing[0], result[0]);
        Assert.Equal(
            new Condition { Type = "Degraded", Status = "True", ObservedGeneration = 2, Reason = "ConfigRejected", Message = "bad pool", LastTransitionTime = Now },
            result[1]);
    }

    [Fact]
    public void Transition_times_are_whole_seconds_as_metav1_Time_stores_them()
    {
        var result = Conditions.Set([], Conditions.Ready(1, "Applied", ""), Now.AddMilliseconds(789));

        Assert.Equal(Now, result[0].LastTransitionTime);
    }

    [Fact]
    public void Find_and_IsTrue_read_a_condition_by_type()
    {
        var conditions = Conditions.Set(Conditions.Set([], Conditions.Ready(1, "Applied", ""), Now), Conditions.NotDegraded(1, "Healthy", ""), Now);

        Assert.True(Conditions.IsTrue(conditions, ConditionTypes.Ready));
        Assert.False(Conditions.IsTrue(conditions, ConditionTypes.Degraded));
        Assert.Null(Conditions.Find(conditions, "Progressing"));
        Assert.Equal(["Degraded"], Conditions.Remove(conditions, "Ready").Select(condition => condition.Type));
    }

    [Fact]
    public void Lists_that_differ_only_in_transition_times_are_the_same()
    {
        var left = Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Earlier);
        var right = Conditions.Set([], Conditions.Ready(1, "Applied", "ok"), Now);

        Assert.True(Conditions.SameIgnoringTransitionTime(left, right));
        Assert.False(Conditions.SameIgnoringTransitionTime(left, Conditions.Set([], Conditions.Ready(2, "Applied", "ok"), Earlier)));
    }
}
