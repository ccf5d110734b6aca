using Fos1.Mdns.Applying;

namespace Fos1.Mdns.Tests.Applying;

/// <summary>A restart that only counts, and records what the file held when it was asked (it must be the new text).</summary>
internal sealed class CountingRestart(string path, AvahiRestartOutcome outcome = AvahiRestartOutcome.Signalled) : IAvahiRestart
{
    public List<string> FileAtRestart { get; } = [];

    public int Count => FileAtRestart.Count;

    public Task<AvahiRestartOutcome> RestartAsync(CancellationToken cancellationToken = default)
    {
        FileAtRestart.Add(File.ReadAllText(path));
        return Task.FromResult(outcome);
    }
}
