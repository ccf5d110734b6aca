using Fos1.Kubernetes.Resources;

namespace Fos1.Kubernetes.Status;

/// <summary>
/// Pure functions over status conditions with metav1 semantics: one condition per type, and
/// lastTransitionTime moves only when the status flips (a new reason or message is not a transition).
/// </summary>
public static class Conditions
{
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition> existing, Condition next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(next);

        // metav1.Time has whole seconds; what the API server would store is what we compare against later.
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
        var result = new List<Condition>(existing.Count + 1);
        var replaced = false;
        foreach (var condition in existing)
        {
            if (!string.Equals(condition.Type, next.Type, StringComparison.Ordinal))
            {
                result.Add(condition);
                continue;
            }

            if (!replaced)
            {
                var transitioned = !string.Equals(condition.Status, next.Status, StringComparison.Ordinal);
                result.Add(next with { LastTransitionTime = transitioned ? now : condition.LastTransitionTime });
                replaced = true;
            }
        }

        if (!replaced)
        {
            result.Add(next with { LastTransitionTime = now });
        }

        return result;
    }

    public static Condition? Find(IReadOnlyList<Condition> conditions, string type) =>
        conditions?.FirstOrDefault(condition => string.Equals(condition.Type, type, StringComparison.Ordinal));

    public static bool IsTrue(IReadOnlyList<Condition> conditions, string type) =>
        string.Equals(Find(conditions, type)?.Status, ConditionTypes.True, StringComparison.Ordinal);

    public static IReadOnlyList<Condition> Remove(IReadOnlyList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return [.. conditions.Where(condition => !string.Equals(condition.Type, type, StringComparison.Ordinal))];
    }

    /// <summary>Ready=True: the spec at <paramref name="generation"/> is in effect.</summary>
    public static Condition Ready(long? generation, string reason, string message) =>
        Make(ConditionTypes.Ready, ConditionTypes.True, generation, reason, message);

    /// <summary>Ready=False: the spec is not (yet) in effect; the message says why.</summary>
    public static Condition NotReady(long? generation, string reason, string message) =>
        Make(ConditionTypes.Ready, ConditionTypes.False, generation, reason, message);

    /// <summary>Degraded=True: working, but with a problem an operator should see (e.g. a rejected change).</summary>
    public static Condition Degraded(long? generation, string reason, string message) =>
        Make(ConditionTypes.Degraded, ConditionTypes.True, generation, reason, message);

    /// <summary>Degraded=False: no problem to report.</summary>
    public static Condition NotDegraded(long? generation, string reason, string message) =>
        Make(ConditionTypes.Degraded, ConditionTypes.False, generation, reason, message);

    /// <summary>Type=Unknown: the controller cannot tell yet.</summary>
    public static Condition Unknown(string type, long? generation, string reason, string message) =>
        Make(type, ConditionTypes.Unknown, generation, reason, message);

    /// <summary>True when both lists say the same, ignoring lastTransitionTime (what a status write would change).</summary>
    public static bool SameIgnoringTransitionTime(IReadOnlyList<Condition> left, IReadOnlyList<Condition> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Count == right.Count
            && left.Zip(right).All(pair => pair.First with { LastTransitionTime = default } == pair.Second with { LastTransitionTime = default });
    }

    private static Condition Make(string type, string status, long? generation, string reason, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new Condition { Type = type, Status = status, ObservedGeneration = generation, Reason = reason, Message = message ?? "" };
    }
}
