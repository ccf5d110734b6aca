using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>
/// Pure rules for collapsing pending changes of one key (name, address, client) before they are sent:
/// a later add replaces an earlier add; a remove after an unsent add drops the add (and, with
/// <see cref="AddThenRemove.Cancel"/>, itself too); a later remove replaces an earlier remove.
/// A remove followed by an add keeps both: the add may change which sides (forward/reverse) exist.
/// </summary>
public static class ChangeCoalescer
{
    public static CoalesceDecision Decide(NameChange earlierUnsent, NameChange incoming, AddThenRemove addThenRemove)
    {
        ArgumentNullException.ThrowIfNull(earlierUnsent);
        ArgumentNullException.ThrowIfNull(incoming);
        if (ChangeKey.Of(earlierUnsent) != ChangeKey.Of(incoming))
        {
            return CoalesceDecision.KeepBoth;
        }

        return (earlierUnsent.Kind, incoming.Kind) switch
        {
            (NameChangeKind.Add, NameChangeKind.Add) => CoalesceDecision.SupersedeEarlier,
            (NameChangeKind.Add, NameChangeKind.Remove) when addThenRemove == AddThenRemove.Cancel => CoalesceDecision.CancelBoth,
            (NameChangeKind.Add, NameChangeKind.Remove) => CoalesceDecision.SupersedeEarlier,
            (NameChangeKind.Remove, NameChangeKind.Remove) => CoalesceDecision.SupersedeEarlier,
            _ => CoalesceDecision.KeepBoth,
        };
    }

    /// <summary>Applies <see cref="Decide"/> over a sequence of unsent changes; returns the indexes still to send, in order.</summary>
    public static IReadOnlyList<int> Coalesce(IReadOnlyList<NameChange> changes, AddThenRemove addThenRemove)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var keep = new bool[changes.Count];
        var latest = new Dictionary<ChangeKey, int>();
        for (var i = 0; i < changes.Count; i++)
        {
            keep[i] = true;
            var key = ChangeKey.Of(changes[i]);
            if (!latest.TryGetValue(key, out var earlier))
            {
                latest[key] = i;
                continue;
            }

            switch (Decide(changes[earlier], changes[i], addThenRemove))
            {
                case CoalesceDecision.SupersedeEarlier:
                    keep[earlier] = false;
                    latest[key] = i;
                    break;
                case CoalesceDecision.CancelBoth:
                    keep[earlier] = false;
                    keep[i] = false;
                    latest.Remove(key);
                    break;
                default:
                    latest[key] = i;
                    break;
            }
        }

        return [.. Enumerable.Range(0, changes.Count).Where(i => keep[i])];
    }
}
