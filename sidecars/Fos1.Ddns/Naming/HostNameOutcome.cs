namespace Fos1.Ddns.Naming;

public enum HostNameOutcome
{
    /// <summary>The client's name was already fully qualified and is used as it is (after clean-up).</summary>
    Taken,

    /// <summary>The client's single-label name got the qualifying suffix.</summary>
    Qualified,

    /// <summary>The client's name was missing or unusable; the name was generated from the address.</summary>
    Generated,

    /// <summary>No name: the client's name is denied, or unusable and generation is off.</summary>
    Refused,
}
