namespace Fos1.Bench.Footprint.Targets;

/// <summary>
/// One sidecar configuration to measure: its fixtures (BIND, the stand-in kube-apiserver, AdGuard Home) live as
/// long as the variant, the sidecar process itself is started afresh for every measured start.
/// </summary>
public interface IFootprintVariant : IAsyncDisposable
{
    string Name { get; }

    /// <summary>What <see cref="StartedSidecar.LoadAsync"/> offers, e.g. "1000 NCRs"; "-" when there is no load.</summary>
    string Load { get; }

    /// <param name="httpArgument"><c>--Observability:HttpEndpoint=127.0.0.1:PORT</c>, appended last.</param>
    Task<StartedSidecar> StartAsync(string httpArgument, Uri http, CancellationToken cancellationToken);
}

/// <summary>A running sidecar; <see cref="LoadAsync"/> returns once the load has been fully processed.</summary>
public sealed record StartedSidecar(IAsyncDisposable Process, Func<string> RecentOutput, Func<CancellationToken, Task>? LoadAsync) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
