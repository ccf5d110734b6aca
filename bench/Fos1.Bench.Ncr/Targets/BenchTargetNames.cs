namespace Fos1.Bench.Ncr;

/// <summary>What the bench can measure, as spelled on the command line and in the table.</summary>
public static class BenchTargetNames
{
    public const string Sidecar = "sidecar";
    public const string KeaD2 = "d2";
}
