namespace Fos1.Kubernetes.Clients;

/// <summary>One page of a list: its items, the list's resourceVersion and the token for the next page (null on the last).</summary>
public sealed record ResourcePage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);
