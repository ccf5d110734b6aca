namespace Fos1.Observability.Readiness;

/// <summary>A check's verdict and the reason an operator reads in /readyz.</summary>
public sealed record ReadinessResult(bool Healthy, string Reason)
{
    public static ReadinessResult Ok(string reason) => new(true, reason);

    public static ReadinessResult Failing(string reason) => new(false, reason);
}
