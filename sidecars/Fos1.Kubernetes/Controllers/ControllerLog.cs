using Microsoft.Extensions.Logging;

namespace Fos1.Kubernetes.Controllers;

internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Controller {Controller} synced its caches; starting {Workers} workers")]
    public static partial void Started(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Controller {Controller} failed to reconcile {Request} ({Failures} in a row): {Reason}")]
    public static partial void Failed(ILogger logger, string controller, ReconcileRequest request, int failures, string? reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Controller {Controller} threw while reconciling {Request}")]
    public static partial void Threw(ILogger logger, Exception exception, string controller, ReconcileRequest request);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Controller {Controller} reconciled {Request}: {Outcome}")]
    public static partial void Reconciled(ILogger logger, string controller, ReconcileRequest request, ReconcileOutcome outcome);
}
