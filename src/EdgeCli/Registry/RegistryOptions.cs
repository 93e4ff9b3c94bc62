using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The options every registry command takes (<c>--url</c>, <c>--key</c>, <c>--json</c>), and the
/// wiring that turns them into a <see cref="RegistryContext"/> for the command's action. One
/// instance is shared by all registry commands of a parse.
/// </summary>
internal sealed class RegistryOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The registry's base URL (default: ${CliSettings.UrlVariable}, else the one saved by 'edge login')",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The account's API key (default: ${CliSettings.KeyVariable}, else the one saved by 'edge login')",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the registry's JSON on stdout instead of text (for scripts)",
        Recursive = true,
    };

    /// <summary>Adds the options to a command and, being recursive, to its subcommands.</summary>
    public TCommand AddTo<TCommand>(TCommand command) where TCommand : Command
    {
        command.Add(Url);
        command.Add(Key);
        command.Add(Json);
        return command;
    }

    /// <summary>A command group (<c>edge functions</c>) with these options and its subcommands.</summary>
    public Command Group(string name, string description, params Command[] subcommands)
    {
        var group = AddTo(new Command(name, description));
        foreach (var subcommand in subcommands)
        {
            group.Add(subcommand);
        }
        return group;
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a client for the registry the options, environment or config
    /// file name; exit status 4 without it runs nothing.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, RegistryContext, CancellationToken, Task<int>> run) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = Output(parse);
            var errors = new List<string>();
            var settings = await ResolveAsync(parse, errors, cancellationToken);
            if (!settings.IsComplete)
            {
                return output.NotLoggedIn([.. errors, settings.Missing()]);
            }
            if (settings.BaseUri() is not { } baseUri)
            {
                return output.Usage(InvalidUrl(settings));
            }
            using var http = NewHttpClient();
            return await run(parse, new RegistryContext(new RegistryClient(http, baseUri, settings.ApiKey!), output), cancellationToken);
        });

    /// <summary>The URL and key from the options, else the environment, else the config file.</summary>
    public Task<CliSettings> ResolveAsync(ParseResult parse, List<string> errors, CancellationToken cancellationToken) =>
        CliSettings.ResolveAsync(parse.GetValue(Url), parse.GetValue(Key), Environment.GetEnvironmentVariable,
            CliConfigFile.Locate(Environment.GetEnvironmentVariable), errors, cancellationToken);

    /// <summary>Text or JSON as <c>--json</c> says, messages prefixed with the command's full name (<c>edge functions list</c>).</summary>
    public CommandOutput Output(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }
        return new CommandOutput(string.Join(' ', names), parse.GetValue(Json), Console.Out, Console.Error);
    }

    public static string InvalidUrl(CliSettings settings) =>
        $"registry URL '{settings.Url}' (from {settings.UrlSource}) is not an absolute http:// or https:// URL";

    // Each request sets its own deadline (RegistryClient); an upload may take much longer than a GET.
    public static HttpClient NewHttpClient() => new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}

/// <summary>What a registry command's action works with: the client for the resolved registry and its output.</summary>
internal sealed record RegistryContext(RegistryClient Client, CommandOutput Output)
{
    /// <summary>GETs a list answer (<c>{"functions":[…]}</c>) and prints its <paramref name="member"/> as <paramref name="table"/>.</summary>
    public async Task<int> ListAsync(string path, string member, TextTable table, string empty, CancellationToken cancellationToken)
    {
        var list = await Client.GetAsync(path, cancellationToken);
        return Output.Answer(list, (w, body) => table.Write(w, JsonText.Items(body, member), empty));
    }

    /// <summary>DELETEs <paramref name="path"/>, printing "deleted KIND NAME" (or <c>{"deleted": NAME}</c>: a 204 has no body to print).</summary>
    public async Task<int> DeleteAsync(string path, string kind, string name, CancellationToken cancellationToken)
    {
        var deleted = await Client.DeleteAsync(path, cancellationToken);
        return Output.Answer(deleted, (w, _) => w.WriteLine($"deleted {kind} {name}"), new JsonObject { ["deleted"] = name });
    }
}
