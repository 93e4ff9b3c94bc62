using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>One log message as the node wrote it.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}";
}

/// <summary>
/// Collects every message the edge node logs (category, level, formatted text), from any thread.
/// Registered as the node's only logger provider, so tests read logs instead of the console.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    public const string FunctionLogs = "EdgeCompute.FunctionLogs";

    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>
    /// Runs before every read: the test environment writes out the function lines the node still holds
    /// (it logs them in bursts), so that a test sees every line of a request it has had the answer to.
    /// </summary>
    public Action? BeforeRead { get; set; }

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            BeforeRead?.Invoke();
            return _entries.ToArray();
        }
    }

    public IEnumerable<LogEntry> InCategory(string category) => Entries.Where(e => e.Category == category);

    /// <summary>Entries whose text contains <paramref name="text"/> (ordinal), optionally in one category.</summary>
    public IReadOnlyList<LogEntry> Containing(string text, string? category = null) =>
        Entries.Where(e => (category is null || e.Category == category) && e.Message.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The first entry matching <paramref name="predicate"/>, waiting for it a little: most lines are
    /// written before the answer leaves the node, but a test must not depend on that ordering.
    /// </summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate, string description)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (Entries.FirstOrDefault(predicate) is { } entry)
            {
                return entry;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No log entry {description}. Captured:\n{Dump()}");
            }
            await Task.Delay(20);
        }
    }

    public Task<LogEntry> WaitForAsync(string text, string? category = null) =>
        WaitForAsync(e => (category is null || e.Category == category) && e.Message.Contains(text, StringComparison.Ordinal),
            $"containing '{text}'" + (category is null ? "" : $" in {category}"));

    public string Dump() => string.Join("\n", Entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
