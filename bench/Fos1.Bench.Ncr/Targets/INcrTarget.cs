using System.Net;

namespace Fos1.Bench.Ncr.Targets;

/// <summary>Something that receives Kea NCRs on UDP and turns them into UPDATEs for BIND.</summary>
public interface INcrTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Where NCRs go.</summary>
    IPEndPoint Endpoint { get; }

    bool IsRunning { get; }

    /// <summary>The process's last log lines, for explaining losses.</summary>
    string RecentOutput { get; }
}
