namespace Fos1.Kea.ControlSocket;

/// <summary>Kea's lease <c>state</c> (lease JSON and memfile CSV alike); only <see cref="Default"/> is an active lease.</summary>
public enum KeaLeaseState
{
    Default = 0,
    Declined = 1,
    ExpiredReclaimed = 2,
}
