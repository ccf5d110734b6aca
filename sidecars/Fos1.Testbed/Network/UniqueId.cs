using System.Security.Cryptography;

namespace Fos1.Testbed.Network;

/// <summary>Short random ids for names that must not collide with parallel test runs (interface names have 15 characters at most).</summary>
internal static class UniqueId
{
    public static string Next() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
