using System.Globalization;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Hooks;

/// <summary>
/// Turns one spool file written by <c>kea-config/hooks/fos1-lease-hook.sh</c> (the environment Kea's
/// <c>libdhcp_run_script.so</c> gave the script, as <c>env -0</c> output, plus FOS1_HOOK_POINT) into
/// lease events. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// What Kea 2.2 actually does, checked against captured files:
/// <list type="bullet">
/// <item><c>lease4_renew</c> also fires for a DHCPDISCOVER from a client that has a lease (Kea only
/// pretends to extend it): only QUERY4_TYPE=DHCPREQUEST counts. The v6 twins count only for
/// REQUEST/RENEW/REBIND, never for a SOLICIT's pretend allocation.</item>
/// <item>A RELEASE fires both <c>lease4_release</c> and <c>leases4_committed</c> with the lease under
/// DELETED_LEASES4_AT0 (v6 the same): two removal events for one release; removals are idempotent.</item>
/// <item><c>lease4_recover</c> fires when a <em>declined</em> address leaves probation and returns to the
/// pool: nothing becomes active, so it is a <see cref="LeaseEventKind.Deleted"/>, never a commit.</item>
/// <item>Committed lists carry the lease state; a lease that is declined, reclaimed or has no lifetime left
/// is reported as such instead of as a commit.</item>
/// </list>
/// </remarks>
public static class HookEventParser
{
    public const string HookPointVariable = "FOS1_HOOK_POINT";
    public const string FormatVariable = "FOS1_SPOOL_FORMAT";
    public const string SupportedFormat = "1";

    /// <summary>Every hook point of run_script that concerns leases.</summary>
    public static IReadOnlySet<string> HookPoints { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "leases4_committed", "lease4_renew", "lease4_release", "lease4_decline", "lease4_expire", "lease4_recover",
        "leases6_committed", "lease6_renew", "lease6_rebind", "lease6_release", "lease6_decline", "lease6_expire", "lease6_recover",
    };

    private static readonly HashSet<string> Renewing6 = new(StringComparer.Ordinal) { "REQUEST", "RENEW", "REBIND" };

    public static HookParseResult Parse(ReadOnlySpan<byte> file, DateTimeOffset observedAt)
    {
        string? hookPoint = null;
        try
        {
            var environment = HookEnvironment.Parse(file);
            if (environment.Find(FormatVariable) is { } format && format != SupportedFormat)
            {
                return HookParseResult.Fail(null, HookParseErrorKind.UnsupportedFormat, $"{FormatVariable}={format}; this sidecar reads format {SupportedFormat}");
            }

            hookPoint = environment.Find(HookPointVariable);
            if (hookPoint is null || !HookPoints.Contains(hookPoint))
            {
                return HookParseResult.Fail(
                    hookPoint,
                    HookParseErrorKind.UnknownHookPoint,
                    hookPoint is null ? $"{HookPointVariable} is missing" : $"{HookPointVariable}='{hookPoint}' is not a run_script lease hook point");
            }

            var events = new List<LeaseEvent>();
            Collect(hookPoint, environment, observedAt, events);
            return HookParseResult.Ok(hookPoint, events);
        }
        catch (HookFormatException e)
        {
            return HookParseResult.Fail(hookPoint, e.Kind, e.Message);
        }
    }

    private static void Collect(string hookPoint, HookEnvironment environment, DateTimeOffset observedAt, List<LeaseEvent> events)
    {
        void Single(LeaseEventKind kind, bool v6)
        {
            var prefix = v6 ? "LEASE6" : "LEASE4";
            var lease = v6 ? HookLeaseReader.Read6(environment, prefix) : HookLeaseReader.Read4(environment, prefix);
            events.Add(new LeaseEvent(kind, lease, LeaseSource.HookSpool, observedAt));
        }

        switch (hookPoint)
        {
            case "leases4_committed":
                Committed(environment, "LEASES4", "DELETED_LEASES4", v6: false, observedAt, events);
                break;
            case "leases6_committed":
                Committed(environment, "LEASES6", "DELETED_LEASES6", v6: true, observedAt, events);
                break;
            case "lease4_renew":
                if (environment.Required("QUERY4_TYPE") == "DHCPREQUEST")
                {
                    Single(LeaseEventKind.Committed, v6: false);
                }

                break;
            case "lease6_renew" or "lease6_rebind":
                if (Renewing6.Contains(environment.Required("QUERY6_TYPE")))
                {
                    Single(LeaseEventKind.Committed, v6: true);
                }

                break;
            case "lease4_release":
                Single(LeaseEventKind.Released, v6: false);
                break;
            case "lease6_release":
                Single(LeaseEventKind.Released, v6: true);
                break;
            case "lease4_decline":
                Single(LeaseEventKind.Declined, v6: false);
                break;
            case "lease6_decline":
                Single(LeaseEventKind.Declined, v6: true);
                break;
            case "lease4_expire":
                Single(LeaseEventKind.Expired, v6: false);
                break;
            case "lease6_expire":
                Single(LeaseEventKind.Expired, v6: true);
                break;
            case "lease4_recover":
                Single(LeaseEventKind.Deleted, v6: false);
                break;
            case "lease6_recover":
                Single(LeaseEventKind.Deleted, v6: true);
                break;
            default:
                throw new HookFormatException(HookParseErrorKind.UnknownHookPoint, $"no reader for hook point {hookPoint}");
        }
    }

    private static void Committed(
        HookEnvironment environment, string leases, string deleted, bool v6, DateTimeOffset observedAt, List<LeaseEvent> events)
    {
        // Deleted first: when a commit replaces a client's old lease, the old records go before the new ones come.
        foreach (var prefix in Indexed(environment, deleted))
        {
            var lease = v6 ? HookLeaseReader.Read6(environment, prefix) : HookLeaseReader.Read4(environment, prefix);
            events.Add(new LeaseEvent(LeaseEventKind.Deleted, lease, LeaseSource.HookSpool, observedAt));
        }

        foreach (var prefix in Indexed(environment, leases))
        {
            var lease = v6 ? HookLeaseReader.Read6(environment, prefix) : HookLeaseReader.Read4(environment, prefix);
            var kind = HookLeaseReader.State(environment, prefix) switch
            {
                "declined" => LeaseEventKind.Declined,
                "expired-reclaimed" => LeaseEventKind.Expired,
                _ when lease.ValidLifetime == 0 => LeaseEventKind.Deleted,
                _ => LeaseEventKind.Committed,
            };
            events.Add(new LeaseEvent(kind, lease, LeaseSource.HookSpool, observedAt));
        }
    }

    private static IEnumerable<string> Indexed(HookEnvironment environment, string list)
    {
        var size = environment.UInt32(list + "_SIZE");
        for (var i = 0u; i < size; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{list}_AT{i}");
        }
    }
}
