namespace Fos1.Dns.Server.Serving;

/// <summary>
/// The current <see cref="ServingConfiguration"/> behind one volatile reference: <see cref="Swap"/> replaces
/// it atomically, and every request after the swap sees the new one whole (never half of each).
/// </summary>
public sealed class LiveServingConfiguration(ServingConfiguration initial)
{
    private volatile ServingConfiguration _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public ServingConfiguration Current => _current;

    public void Swap(ServingConfiguration next) => _current = next ?? throw new ArgumentNullException(nameof(next));
}
