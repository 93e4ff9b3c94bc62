namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>Waits for an outcome instead of asserting a time: polls, with a generous deadline against hangs.</summary>
internal static class Wait
{
    /// <summary>Returns when <paramref name="condition"/> holds; fails after 15 s with <paramref name="description"/> and the logs.</summary>
    public static async Task UntilAsync(Func<bool> condition, string description, LogCapture logs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Never true: {description}\nLogs:\n{logs.Dump()}");
            }
            await Task.Delay(20);
        }
    }
}
