using System.CommandLine;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge status</c>: whether the edge nodes serve the registry's current revision.</summary>
internal static class StatusCommand
{
    public static Command Create(RegistryOptions registry)
    {
        var command = registry.AddTo(new Command("status", "Show the registry's revision and, for each edge node, the revision it serves and when it was last seen."));
        registry.SetAction(command, async (_, context, cancellationToken) =>
        {
            var nodes = await context.Client.GetAsync(RegistryClient.Path("nodes"), cancellationToken);
            return context.Output.Answer(nodes, (w, body) =>
            {
                w.WriteLine($"registry revision {JsonText.Of(body?["revision"])}");
                new TextTable().Column("NODE", "nodeId").Column("REVISION", "revision").Column("LAST SEEN", "lastSeen")
                    .Column("CURRENT", n => n["current"]?.GetValue<bool>() == true ? "yes" : "no")
                    .Write(w, JsonText.Items(body, "nodes"), "no edge node has synced yet");
            });
        });
        return command;
    }
}
