using System.CommandLine;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary>
/// <c>edge login --url URL --key KEY</c>: checks the key against the registry (<c>GET /v1/account</c>)
/// and only then saves both to the config file, so that later commands need neither flag.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(RegistryOptions registry)
    {
        var command = registry.AddTo(new Command("login", "Check a registry URL and API key, and save them for the other commands."));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = registry.Output(parse);
            var errors = new List<string>();
            var settings = await registry.ResolveAsync(parse, errors, cancellationToken);
            if (!settings.IsComplete)
            {
                return output.Usage([.. errors, "give --url URL and --key KEY"]);
            }
            if (settings.BaseUri() is not { } baseUri)
            {
                return output.Usage(RegistryOptions.InvalidUrl(settings));
            }
            using var http = RegistryOptions.NewHttpClient();
            var account = await new RegistryClient(http, baseUri, settings.ApiKey!).GetAsync(RegistryClient.Path("account"), cancellationToken);
            if (!account.IsSuccess)
            {
                return output.Failed(account);
            }
            var file = CliConfigFile.Locate(Environment.GetEnvironmentVariable);
            await file.WriteAsync(new SavedLogin(baseUri.ToString(), settings.ApiKey), cancellationToken);
            return output.Result(account.Body, w => w.WriteLine(
                $"logged in to {baseUri} as {JsonText.Of(account.Body?["name"])} ({JsonText.Of(account.Body?["id"])}); saved to {file.Path}"));
        });
        return command;
    }
}
