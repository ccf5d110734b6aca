namespace Fos1.Crds.Validation;

/// <summary>Turns validation errors into the one-line message a status condition carries.</summary>
public static class ValidationReport
{
    /// <summary>"spec.a: x; spec.b: y" (the first <paramref name="limit"/> errors, then "and N more").</summary>
    public static string Summarize(IReadOnlyList<ValidationError> errors, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = string.Join("; ", errors.Take(limit));
        return errors.Count > limit ? $"{shown}; and {errors.Count - limit} more" : shown;
    }
}
