using System.CommandLine;
using System.Globalization;
using EdgeCompute.EdgeCli.Logs;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge logs FUNCTION</c>: a function's log lines from every edge node, from the regional origin (<c>GET /logs</c>).</summary>
internal static class LogsCommand
{
    public static Command Create(RegistryOptions registry)
    {
        var function = new Argument<string>("FUNCTION") { Description = "The function whose logs to show" };
        var since = new Option<string?>("--since")
        {
            Description = "Start this far back (30s, 10m, 2h, 7d) or at this ISO 8601 time with an offset (default: 10m)",
            HelpName = "DURATION|TIME",
        };
        var requestId = new Option<string?>("--request-id") { Description = "Only the lines of this invocation", HelpName = "ID" };
        var contains = new Option<string?>("--contains") { Description = "Only lines whose message contains this text (case-sensitive)", HelpName = "TEXT" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines as they arrive (every second) until Ctrl-C" };
        var command = registry.AddTo(new Command("logs", "Show a function's log lines (console output and REPORT lines) from every edge node, oldest first.")
        {
            function, since, requestId, contains, follow,
        });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            if (LogSince.Parse(parse.GetValue(since), TimeProvider.System.GetUtcNow()) is not { } from)
            {
                return context.Output.Usage($"--since '{parse.GetValue(since)}' is neither a duration (30s, 10m, 2h, 7d) nor an ISO 8601 time with an offset");
            }
            var tail = new LogTail(context, Console.Out, parse.GetValue(registry.Json), TimeProvider.System)
            {
                Filters = new Dictionary<string, string?>
                {
                    ["function"] = parse.GetValue(function),
                    ["since"] = from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["requestId"] = parse.GetValue(requestId),
                    ["contains"] = parse.GetValue(contains),
                },
            };
            return await tail.RunAsync(parse.GetValue(follow), cancellationToken);
        });
        return command;
    }
}
