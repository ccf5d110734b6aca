namespace Fos1.Reliability.Faults;

/// <param name="Fault">What was done to the stack, with its parameters.</param>
/// <param name="Checks">Scenario-specific findings (e.g. "journal intact"), empty when none.</param>
/// <param name="Failure">Why the scenario did not pass, null when it did.</param>
public sealed record ScenarioResult(string Scenario, string Fault, ConvergenceFigures Figures, IReadOnlyList<string> Checks, string? Failure)
{
    public bool Passed => Failure is null && Figures.Converged;
}
