using System.IO.Compression;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// Builds one function folder of a materialised snapshot from bundles: the code zip first, then its
/// layers' <c>nodejs/node_modules/**</c> into <c>node_modules/</c>, as Lambda puts them on the
/// module path — the function's own files win, and a later layer's file wins over an earlier's.
/// Entries that would land outside the folder (<c>..</c>, absolute paths, drive letters) are refused,
/// and uncompressed bytes are counted as they are written, so that a zip bomb stops at the limit.
/// </summary>
internal sealed class FunctionFolderWriter
{
    /// <summary>Lambda's limit on a function's unzipped code and layers together.</summary>
    public const long MaxUnzippedBytes = 250L * 1024 * 1024;

    private const string LayerModules = "nodejs/node_modules/";

    private readonly string _folder;
    private readonly HashSet<string> _own = new(StringComparer.Ordinal);
    private long _remaining = MaxUnzippedBytes;

    public FunctionFolderWriter(string folder)
    {
        _folder = Path.GetFullPath(folder);
    }

    /// <summary>Unpacks the function's own code. A <c>function.json</c> at its top is left out: the registry's settings are the function's.</summary>
    public Task<bool> AddCodeAsync(string zipPath, List<ConfigError> errors, CancellationToken cancellationToken) =>
        ExtractAsync(zipPath, path => path == "function.json" ? null : path, own: true, errors, cancellationToken);

    /// <summary>Unpacks a layer's Node.js modules under <c>node_modules/</c>, over earlier layers' files but never over the function's own.</summary>
    public Task<bool> AddLayerAsync(string zipPath, List<ConfigError> errors, CancellationToken cancellationToken) =>
        ExtractAsync(zipPath, path => path.StartsWith(LayerModules, StringComparison.Ordinal) && path.Length > LayerModules.Length
            ? "node_modules/" + path[LayerModules.Length..]
            : null, own: false, errors, cancellationToken);

    private async Task<bool> ExtractAsync(string zipPath, Func<string, string?> target, bool own, List<ConfigError> errors,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var archive = await ZipFile.OpenReadAsync(zipPath, cancellationToken);
            foreach (var entry in archive.Entries)
            {
                if (Relative(entry.FullName) is not { } relative)
                {
                    errors.Add(new ConfigError(zipPath, "", $"entry '{entry.FullName}' points outside the function's folder"));
                    return false;
                }
                if (relative.Length == 0 || target(relative) is not { } path || (!own && _own.Contains(path)))
                {
                    continue;
                }
                if (!await WriteAsync(entry, path, cancellationToken))
                {
                    errors.Add(new ConfigError(zipPath, "", $"unzips to more than {MaxUnzippedBytes} bytes with the function's other bundles (Lambda's limit)"));
                    return false;
                }
                if (own)
                {
                    _own.Add(path);
                }
            }
            return true;
        }
        catch (InvalidDataException ex)
        {
            errors.Add(new ConfigError(zipPath, "", $"is not a readable zip file: {ex.Message}"));
            return false;
        }
        catch (IOException ex)
        {
            // E.g. an entry that is a file in one bundle and a folder in another.
            errors.Add(new ConfigError(zipPath, "", $"cannot be unpacked: {ex.Message}"));
            return false;
        }
    }

    /// <summary>The entry's path inside the folder with forward slashes ("" for a folder entry), or null when it would leave the folder.</summary>
    private static string? Relative(string entryName)
    {
        var name = entryName.Replace('\\', '/');
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':'))
        {
            return null;
        }
        if (name.EndsWith('/'))
        {
            return "";
        }
        var parts = name.Split('/');
        return parts.Contains("..") ? null : string.Join('/', parts.Where(p => p is not ("" or ".")));
    }

    /// <summary>Copies one entry, counting bytes against the budget; false when the budget runs out.</summary>
    private async Task<bool> WriteAsync(ZipArchiveEntry entry, string relative, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(_folder, relative));
        if (!path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new IOException($"entry '{entry.FullName}' resolves outside the function's folder");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = await entry.OpenAsync(cancellationToken);
        await using var destination = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            _remaining -= read;
            if (_remaining < 0)
            {
                return false;
            }
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }
}
