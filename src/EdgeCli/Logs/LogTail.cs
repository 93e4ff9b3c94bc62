using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Logs;

/// <summary>
/// Reads <c>GET /logs</c> page by page, each page from the <c>next</c> cursor of the one before, so no
/// line is printed twice; with <c>--follow</c> it then asks again every <see cref="PollInterval"/> until
/// cancelled (Ctrl-C). Text lines, or with <c>--json</c> one answer (<c>{"items":[…]}</c>) — or, when
/// following, one JSON object per line.
/// </summary>
internal sealed class LogTail(RegistryContext context, TextWriter stdout, bool json, TimeProvider time)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The filters of the query, e.g. <c>function</c>, <c>since</c>; null values are left out.</summary>
    public required IReadOnlyDictionary<string, string?> Filters { get; init; }

    public async Task<int> RunAsync(bool follow, CancellationToken cancellationToken)
    {
        var collected = new JsonArray();
        string? cursor = null;
        try
        {
            while (true)
            {
                var page = await context.Client.GetAsync(Path(cursor), cancellationToken);
                if (!page.IsSuccess)
                {
                    return context.Output.Failed(page);
                }
                foreach (var item in JsonText.Items(page.Body, "items"))
                {
                    Write(item, follow, collected);
                }
                cursor = (string?)page.Body?["next"] ?? cursor;
                if (page.Body?["more"]?.GetValue<bool>() == true)
                {
                    continue;
                }
                if (!follow)
                {
                    return json ? context.Output.Result(new JsonObject { ["items"] = collected }, _ => { }) : ExitCodes.Ok;
                }
                await stdout.FlushAsync(cancellationToken);
                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how --follow ends.
            return ExitCodes.Ok;
        }
    }

    private void Write(JsonNode item, bool follow, JsonArray collected)
    {
        if (!json)
        {
            stdout.WriteLine(LogLineFormatter.Format(item));
        }
        else if (follow)
        {
            stdout.WriteLine(item.ToJsonString());
        }
        else
        {
            collected.Add(item.DeepClone());
        }
    }

    private string Path(string? cursor)
    {
        var query = Filters.Append(new("cursor", cursor)).Where(f => f.Value is not null)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}={Uri.EscapeDataString(f.Value!)}"));
        return "logs?" + string.Join('&', query);
    }
}
