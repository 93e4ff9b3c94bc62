using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// <c>edge functions deploy DIR</c>: makes the registry's function match a folder — creates the
/// function when it does not exist, applies the folder's <c>function.json</c>, then uploads the
/// folder as its <c>$LATEST</c> code. Everything local (settings file, zip) is checked before
/// anything is sent.
/// </summary>
internal sealed class FunctionDeployer(RegistryClient client, CommandOutput output)
{
    // Settings travel to the registry as settings; in the code too, a node would read them twice.
    private static readonly HashSet<string> NotCode = [FunctionSettingsFile.Name];

    public async Task<int> DeployAsync(string directory, string? name, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return output.Usage($"{directory}: no such folder");
        }
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        name ??= Path.GetFileName(full);
        var errors = new List<string>();
        var warnings = new List<string>();
        var settings = await FunctionSettingsFile.ReadAsync(full, errors, warnings, cancellationToken);
        await using var package = settings is null ? null : await CodePackage.OpenAsync(full, NotCode, errors, cancellationToken);
        if (settings is null || package is null)
        {
            return output.Usage(errors);
        }
        warnings.ForEach(output.Note);

        var prepared = await PrepareAsync(name, settings, cancellationToken);
        if (!prepared.IsSuccess)
        {
            return output.Failed(prepared);
        }
        var uploaded = await package.UploadAsync(client, HttpMethod.Put, RegistryClient.Path("functions", name, "code"), $"uploading {name}", cancellationToken);
        if (!uploaded.IsSuccess)
        {
            return output.Failed(uploaded);
        }
        return output.Result(uploaded.Body, w => w.WriteLine(
            $"deployed {name} ($LATEST): {package.Files} files, {JsonText.Of(uploaded.Body?["codeSize"])} bytes, sha256 {JsonText.Of(uploaded.Body?["codeSha256"])}"));
    }

    /// <summary>The function with the folder's settings: created when missing, else updated when the folder has settings.</summary>
    private async Task<RegistryResponse> PrepareAsync(string name, FunctionSettings settings, CancellationToken cancellationToken)
    {
        var path = RegistryClient.Path("functions", name);
        var existing = await client.GetAsync(path, cancellationToken);
        if (existing.Status == 404)
        {
            var body = settings.ToJson();
            body["name"] = name;
            var created = await client.SendJsonAsync(HttpMethod.Post, RegistryClient.Path("functions"), body, cancellationToken);
            if (created.IsSuccess)
            {
                output.Note($"created function {name}");
            }
            return created;
        }
        if (!existing.IsSuccess || settings.IsEmpty)
        {
            return existing;
        }
        var updated = await client.SendJsonAsync(HttpMethod.Patch, path, settings.ToJson(), cancellationToken);
        if (updated.IsSuccess)
        {
            output.Note($"updated the settings of {name} from {FunctionSettingsFile.Name}");
        }
        return updated;
    }
}
