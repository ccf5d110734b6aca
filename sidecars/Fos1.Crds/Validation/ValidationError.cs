namespace Fos1.Crds.Validation;

/// <summary>
/// One reason a custom resource cannot be applied: <see cref="Path"/> names the field the way
/// <c>kubectl explain</c> does (<c>spec.subnets[0].pools[1].start</c>), <see cref="Message"/> says what is wrong.
/// </summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
