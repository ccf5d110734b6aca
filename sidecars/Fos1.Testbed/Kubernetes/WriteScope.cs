namespace Fos1.Testbed.Kubernetes;

/// <summary>Which part of an object a write may change: the main resource or its <c>/status</c> subresource.</summary>
internal enum WriteScope
{
    Main,
    Status,
}
