using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Observability.Configuration;

/// <summary>
/// The configuration failures a host found at start-up. With several options classes validated on start, the host
/// throws them together in an <see cref="AggregateException"/>; a sidecar must still name every failure and exit 2
/// instead of crashing with an unhandled exception.
/// </summary>
public static class InvalidConfiguration
{
    /// <summary>
    /// Validates every options class registered with <c>ValidateOnStart</c> now, all together. Call it right after
    /// the host is built: starting the host first builds the hosted services, and the first options class one of
    /// them resolves would throw alone, hiding the other invalid settings.
    /// </summary>
    public static void ValidateAll(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <returns>Every failure when <paramref name="exception"/> is only options validation; otherwise null.</returns>
    public static IReadOnlyList<string>? Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException { InnerExceptions.Count: > 0 } all when all.Flatten().InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    /// <summary>The message a sidecar prints to standard error before it exits with 2.</summary>
    public static string Describe(string sidecar, IEnumerable<string> failures) =>
        $"{sidecar}: invalid configuration:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}";
}
