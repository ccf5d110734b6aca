namespace Fos1.Ddns.Transactions;

/// <summary>What a transaction did, or did not do, on one side (forward or reverse).</summary>
public enum SideResult
{
    /// <summary>The change did not ask for this side (NameChange.Forward/Reverse was false).</summary>
    NotRequested,

    /// <summary>Asked for, but no configured zone holds the name: nothing sent. Worth a log line and a counter.</summary>
    NoZone,

    /// <summary>Asked for, but the transaction ended on the other side first (conflict or failure).</summary>
    NotAttempted,

    /// <summary>Still to do; only seen on a step in flight, never in a final result.</summary>
    Pending,

    /// <summary>Forward add: the name was free and now holds our address and DHCID.</summary>
    Added,

    /// <summary>Our records replaced what was there: forward replace (the name was ours) or reverse replace.</summary>
    Replaced,

    /// <summary>Our records are gone: the whole forward name, or the reverse name.</summary>
    Removed,

    /// <summary>Forward remove: our address is gone; the name stays because other addresses remain.</summary>
    AddressRemovedNameKept,

    /// <summary>Remove: the name's DHCID (or the PTR) was not ours, or it was gone already; nothing was touched.</summary>
    NotOursOrAlreadyGone,

    /// <summary>Forward add: the name belongs to another client (its DHCID differs). Left alone.</summary>
    Conflict,

    /// <summary>The server refused a step with an RCODE the flow has no answer for.</summary>
    Failed,
}
