using System.Text;

namespace Fos1.AdGuard.Api;

/// <summary>The admin user and plain password (HTTP basic auth), from the Secret that also holds the bcrypt hash.</summary>
public sealed record AdGuardCredentials(string User, string Password)
{
    /// <summary>Reads <c>username</c> and <c>password</c> from a mounted Secret directory (trailing newlines dropped).</summary>
    public static AdGuardCredentials FromDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new(Read(directory, "username"), Read(directory, "password"));
    }

    public string BasicAuthorization() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    public override string ToString() => $"AdGuardCredentials {{ User = {User}, Password = *** }}";

    private static string Read(string directory, string key) => File.ReadAllText(Path.Combine(directory, key)).TrimEnd('\r', '\n');
}
