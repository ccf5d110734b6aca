namespace Fos1.Testbed.Tests.Kubernetes;

/// <summary>Polls a condition until a deadline instead of sleeping a guessed time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {within} waiting until {what}");
            await Task.Delay(20);
        }
    }
}
