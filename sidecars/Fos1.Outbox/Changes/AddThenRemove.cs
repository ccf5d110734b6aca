namespace Fos1.Outbox.Changes;

/// <summary>What an unsent add followed by a remove of the same (name, address, client) becomes.</summary>
public enum AddThenRemove
{
    /// <summary>
    /// Drop the add, send the remove. Safe when DNS may already hold the records from an earlier,
    /// completed add (a renewal's add followed by a release): the remove still cleans them up.
    /// </summary>
    SendRemove,

    /// <summary>
    /// Complete both without sending anything. Saves one UPDATE, but leaves the records of an earlier
    /// completed add in DNS until reconciliation; only right when the add was the first for its key.
    /// </summary>
    Cancel,
}
