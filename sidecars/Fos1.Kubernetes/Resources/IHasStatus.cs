namespace Fos1.Kubernetes.Resources;

/// <summary>A resource whose status a controller writes through the status subresource.</summary>
public interface IHasStatus<out TStatus>
    where TStatus : ResourceStatus
{
    TStatus? Status { get; }
}
