namespace Fos1.Kubernetes.Status;

/// <summary>The condition types Fos1 controllers report, and the three metav1 condition statuses.</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Degraded = "Degraded";

    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}
