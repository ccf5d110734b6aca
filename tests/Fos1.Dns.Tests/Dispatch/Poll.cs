namespace Fos1.Dns.Tests.Dispatch;

internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"condition not met within {deadline.TotalSeconds} s");
            }

            await Task.Delay(5);
        }
    }
}
