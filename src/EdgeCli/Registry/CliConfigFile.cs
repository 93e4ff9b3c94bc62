using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The file where <c>edge login</c> keeps the registry URL and API key: <c>$EDGE_CONFIG</c> when
/// set, else <c>~/.config/edgecompute/cli.json</c>. It holds a secret, so it is written readable by
/// its owner only (mode 600), in a folder only the owner can list.
/// </summary>
internal sealed class CliConfigFile(string path)
{
    public const string PathVariable = "EDGE_CONFIG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Path { get; } = path;

    /// <param name="environment">Reads an environment variable (injected so that tests need not change the process's).</param>
    public static CliConfigFile Locate(Func<string, string?> environment) =>
        environment(PathVariable) is { Length: > 0 } path
            ? new CliConfigFile(path)
            : new CliConfigFile(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "edgecompute", "cli.json"));

    /// <summary>The saved login; null when there is no file, or with the reason in <paramref name="errors"/> when it cannot be read.</summary>
    public async Task<SavedLogin?> ReadAsync(List<string> errors, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync<SavedLogin>(stream, Json, cancellationToken)
                ?? throw new JsonException("the file holds null, not an object");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add($"{Path} cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>Replaces the file in one step (a temporary file moved over it), so a failed write never leaves half a file.</summary>
    public async Task WriteAsync(SavedLogin login, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(Path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temporary = full + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation: the key is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, login, Json, cancellationToken);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode does not apply when the temporary file was left over from an earlier attempt.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>What <c>edge login</c> saved.</summary>
internal sealed record SavedLogin(string? Url, string? ApiKey);
