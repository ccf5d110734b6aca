namespace Fos1.Bench.Ncr.Workload;

/// <summary>
/// Finds one target's highest loss-free sustained rate: up a geometric ladder from <c>start</c> until a rate
/// fails (or <c>max</c> passes), down it when even <c>start</c> fails, then bisection between the highest
/// passing and the lowest failing rate until they are within <c>precision</c> of each other or the probes
/// are used up. Pure bookkeeping; the caller runs each <see cref="Next"/> rate and reports the verdict.
/// </summary>
public sealed class RateSearch
{
    private const int Floor = 50;
    private readonly int _max;
    private readonly double _factor;
    private readonly int _maxProbes;
    private readonly double _precision;
    private readonly List<(int Rate, bool Sustained)> _probes = [];

    public RateSearch(int start, int max, double factor, int maxProbes, double precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, Floor);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxProbes, 1);
        _max = max;
        _factor = factor;
        _maxProbes = maxProbes;
        _precision = precision;
        Next = start;
    }

    /// <summary>The rate to try next, or null when the search is over.</summary>
    public int? Next { get; private set; }

    /// <summary>The highest rate that was sustained (null: none was).</summary>
    public int? HighestSustained { get; private set; }

    /// <summary>The lowest rate that was not sustained (null: none failed).</summary>
    public int? LowestFailed { get; private set; }

    public IReadOnlyList<(int Rate, bool Sustained)> Probes => _probes;

    public void Record(int rate, bool sustained)
    {
        _probes.Add((rate, sustained));
        if (sustained)
        {
            HighestSustained = Math.Max(HighestSustained ?? 0, rate);
        }
        else
        {
            LowestFailed = Math.Min(LowestFailed ?? int.MaxValue, rate);
        }

        Next = _probes.Count >= _maxProbes ? null : Choose();
    }

    private int? Choose()
    {
        switch (HighestSustained, LowestFailed)
        {
            case ({ } pass, null):
                return pass >= _max ? null : Math.Min(_max, Round(pass * _factor));
            case (null, { } fail):
                return fail <= Floor ? null : Math.Max(Floor, Round(fail / _factor));
            case ({ } pass, { } fail):
                var middle = Round((pass + fail) / 2.0);
                return fail - pass <= pass * _precision || middle <= pass || middle >= fail ? null : middle;
            default:
                return null;
        }
    }

    /// <summary>Rates are whole tens (hundreds above 10,000), so the table reads easily.</summary>
    private static int Round(double rate)
    {
        var step = rate >= 10_000 ? 100 : 10;
        return (int)Math.Max(Floor, Math.Round(rate / step) * step);
    }
}
