namespace Fos1.Manifests.Tests.Crds;

/// <summary>One reason a resource is refused: the field path as kubectl prints it, and why.</summary>
internal sealed record SchemaViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
