using Fos1.Bench.Ncr.Measuring;

namespace Fos1.Bench.Ncr.Workload;

/// <summary>
/// Whether a run sustained its offered rate: every change landed (no loss, no refused send), the pacer really
/// offered the rate, and the target kept up: first NCR sent -> last record landed is at most
/// 1 / (1 - tolerance) times the sending time, i.e. the landed rate is within <c>tolerance</c> of the offered
/// one and no backlog built up that a longer run would have grown.
/// </summary>
public static class SustainedVerdict
{
    public static bool Sustained(RunResult result, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Reason(result, tolerance) is null;
    }

    /// <summary>Why the run did not sustain its rate, or null when it did.</summary>
    public static string? Reason(RunResult result, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(result);
        var offered = (double)result.Run.Rate;
        if (!result.TargetAlive)
        {
            return "target died";
        }

        if (result.Lost > 0 || result.Send.SendFailures > 0)
        {
            return $"lost {result.Lost}";
        }

        if (PacerFellShort(result))
        {
            return $"pacer reached only {result.Send.AchievedRate:0}/s";
        }

        return result.LandedRate < offered * (1 - tolerance)
            ? $"backlog: landed {result.LandedRate:0}/s, drained {result.DrainLag.TotalSeconds:0.00} s after the last NCR"
            : null;
    }

    /// <summary>The bench's pacer did not offer the rate (its thread was starved): the run says nothing about the target.</summary>
    public static bool PacerFellShort(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Send.AchievedRate < result.Run.Rate * 0.97;
    }
}
