namespace Fos1.Kubernetes.Resources;

/// <summary>Where the API server serves a kind: <c>/apis/{Group}/{Version}/[namespaces/{ns}/]{Plural}</c>.</summary>
public sealed record ResourceKind(string Group, string Version, string Plural, string Kind, bool Namespaced = true)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => $"{Plural}.{Group}/{Version}";
}
