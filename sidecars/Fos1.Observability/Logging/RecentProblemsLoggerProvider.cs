using Microsoft.Extensions.Logging;

namespace Fos1.Observability.Logging;

/// <summary>Feeds every Warning-or-worse log line of the sidecar into <see cref="RecentProblems"/>.</summary>
public sealed class RecentProblemsLoggerProvider(RecentProblems problems) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ProblemLogger(problems);

    public void Dispose()
    {
    }

    private sealed class ProblemLogger(RecentProblems problems) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            problems.Add(exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
