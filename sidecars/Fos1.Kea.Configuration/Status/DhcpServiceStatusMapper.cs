using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kubernetes.Resources;

namespace Fos1.Kea.Configuration.Status;

/// <summary>
/// One CR's rendering outcome and the apply result -> its status: <c>Ready</c> and <c>Degraded</c> conditions
/// (reasons Applied, Rejected, Invalid, Conflict, KeaUnreachable, Pending), observedGeneration, and which
/// generation and configuration hash Kea runs. Pure: the caller passes the clock's reading.
/// </summary>
public static class DhcpServiceStatusMapper
{
    public const string Ready = "Ready";
    public const string Degraded = "Degraded";

    /// <param name="apply">The result of applying the rendering <paramref name="outcome"/> came from; null while not yet applied.</param>
    /// <param name="previous">The status the CR carries now (transition times and the running generation carry over).</param>
    public static DhcpServiceStatus Map(ServiceOutcome outcome, ApplyResult? apply, DhcpServiceStatus? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var generation = outcome.Generation;
        var (ready, degraded, appliedGeneration, configHash) = outcome.Kind switch
        {
            ServiceOutcomeKind.Invalid => Excluded("Invalid", $"Not given to Kea: {outcome.Reason}", apply, previous),
            ServiceOutcomeKind.Conflict => Excluded("Conflict", $"Not given to Kea: {outcome.Reason}", apply, previous),
            _ => apply switch
            {
                ApplyResult.Applied { WriteFailure: { } failure } applied => (
                    ("True", "Applied", $"Kea runs generation {generation} ({applied.ConfigHash})"),
                    ("True", "NotPersisted", $"config-write failed, a Kea restart would lose this configuration: {failure}"),
                    generation,
                    applied.ConfigHash),
                ApplyResult.Applied applied => (
                    ("True", "Applied", $"Kea runs generation {generation} ({applied.ConfigHash})"),
                    ("False", "Applied", "Kea accepted and wrote the configuration"),
                    generation,
                    applied.ConfigHash),
                ApplyResult.Rejected rejected => (
                    ("False", "Rejected", $"Kea refused the configuration in {rejected.Command}: {rejected.KeaMessage}"),
                    ("True", "Rejected", "Kea keeps running its previous configuration"),
                    previous?.AppliedGeneration,
                    previous?.ConfigHash),
                ApplyResult.Unreachable unreachable => (
                    ("Unknown", "KeaUnreachable", unreachable.Error),
                    ("True", "KeaUnreachable", "The configuration could not be handed to Kea"),
                    previous?.AppliedGeneration,
                    previous?.ConfigHash),
                _ => (
                    ("Unknown", "Pending", "Not yet applied"),
                    ("False", "Pending", "Not yet applied"),
                    previous?.AppliedGeneration,
                    previous?.ConfigHash),
            },
        };

        return new DhcpServiceStatus
        {
            ObservedGeneration = generation,
            AppliedGeneration = appliedGeneration,
            ConfigHash = configHash,
            Conditions =
            [
                Condition(Ready, ready, generation, previous, now),
                Condition(Degraded, degraded, generation, previous, now),
            ],
        };
    }

    // Left out of the rendering: once the rest is applied, Kea runs none of this CR; until then whatever ran stays.
    private static ((string, string, string), (string, string, string), long?, string?) Excluded(
        string reason, string message, ApplyResult? apply, DhcpServiceStatus? previous) =>
        apply is ApplyResult.Applied
            ? (("False", reason, message), ("True", reason, message), null, null)
            : (("False", reason, message), ("True", reason, message), previous?.AppliedGeneration, previous?.ConfigHash);

    private static Condition Condition(string type, (string Status, string Reason, string Message) state, long? generation, DhcpServiceStatus? previous, DateTimeOffset now)
    {
        var before = previous?.Conditions.FirstOrDefault(condition => condition.Type == type);
        return new Condition
        {
            Type = type,
            Status = state.Status,
            Reason = state.Reason,
            Message = state.Message,
            ObservedGeneration = generation,
            LastTransitionTime = before is not null && before.Status == state.Status ? before.LastTransitionTime : now,
        };
    }
}
