namespace Fos1.Sidecars.Kea.Operations;

/// <summary>Which lease sources this configuration turns on (the NCR listener and the expiry schedule always run).</summary>
public sealed record KeaSourceSet(bool Hooks, bool Memfile, bool Reconciliation)
{
    public static IReadOnlyList<string> All { get; } = ["ncr", "hooks", "memfile", "reconciliation", "expiry"];

    public bool IsEnabled(string source) => source switch
    {
        "hooks" => Hooks,
        "memfile" => Memfile,
        "reconciliation" => Reconciliation,
        _ => true,
    };
}
