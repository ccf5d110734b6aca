using Fos1.AdGuard;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;

namespace Fos1.Sidecars.Config.AdGuard;

/// <summary>
/// A DNSFilterList's or DNSClient's status from what converging AdGuard Home did with it. Ready: True Applied,
/// False Invalid / Conflict / Rejected (with the validator's or AdGuard's message), Unknown AdGuardUnreachable.
/// A partly applied CR is Ready=True with a Degraded=True condition carrying the reason (RuleNotScopable...).
/// </summary>
public static class AdGuardResourceStatus
{
    public const string UnreachableReason = "AdGuardUnreachable";

    public static ResourceStatus From(ResourceOutcome outcome, long? generation, ResourceStatus? current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var conditions = current?.Conditions ?? [];
        switch (outcome.Status)
        {
            case OutcomeStatus.Applied:
                conditions = Conditions.Set(conditions, Conditions.Ready(generation, "Applied", outcome.Message), now);
                conditions = Conditions.Remove(conditions, ConditionTypes.Degraded);
                break;
            case OutcomeStatus.Degraded:
                conditions = Conditions.Set(conditions, Conditions.Ready(generation, "Applied", "in effect in AdGuard Home, in part (see Degraded)"), now);
                conditions = Conditions.Set(conditions, Conditions.Degraded(generation, outcome.Reason, outcome.Message), now);
                break;
            default:
                conditions = Conditions.Set(conditions, Conditions.NotReady(generation, outcome.Reason, outcome.Message), now);
                conditions = Conditions.Remove(conditions, ConditionTypes.Degraded);
                break;
        }

        return new ResourceStatus { ObservedGeneration = generation, Conditions = conditions };
    }

    /// <summary>AdGuard Home could not be asked (down, starting, bad credentials): whether the CR is in effect is unknown.</summary>
    public static ResourceStatus Unreachable(string message, long? generation, ResourceStatus? current, DateTimeOffset now)
    {
        var conditions = Conditions.Set(current?.Conditions ?? [], Conditions.Unknown(ConditionTypes.Ready, generation, UnreachableReason, message), now);
        return new ResourceStatus { ObservedGeneration = generation, Conditions = conditions };
    }
}
