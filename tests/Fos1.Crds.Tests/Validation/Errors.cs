using Fos1.Crds.Validation;

namespace Fos1.Crds.Tests.Validation;

internal static class Errors
{
    /// <summary>Asserts that validation found exactly one problem, at <paramref name="path"/>, and returns it.</summary>
    public static ValidationError Single(IReadOnlyList<ValidationError> errors, string path)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
