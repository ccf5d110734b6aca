namespace Fos1.Corefile.Validation;

/// <summary>One problem in a <see cref="Model.CorefileSpec"/>; <see cref="Zone"/> is null for process-wide settings.</summary>
public sealed record CorefileSpecError(string? Zone, string Field, string Message)
{
    public override string ToString() =>
        Zone is null ? $"{Field}: {Message}" : $"zone '{Zone}', {Field}: {Message}";
}
