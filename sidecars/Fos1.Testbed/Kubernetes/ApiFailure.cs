namespace Fos1.Testbed.Kubernetes;

/// <summary>Carries an <see cref="ApiStatus"/> out of the store to the HTTP edge, which answers with it.</summary>
internal sealed class ApiFailure(ApiStatus status) : Exception(status.Message)
{
    public ApiStatus Status { get; } = status;
}
