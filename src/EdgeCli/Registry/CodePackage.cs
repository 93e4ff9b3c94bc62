namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// A zip ready to upload: a folder zipped into a temporary file (deleted on dispose), or a zip file
/// given as is. Uploading shows a progress bar on a terminal.
/// </summary>
internal sealed class CodePackage : IAsyncDisposable
{
    private readonly Stream _zip;

    private CodePackage(Stream zip, int? files)
    {
        _zip = zip;
        Files = files;
    }

    /// <summary>How many files went into the zip; null for a zip given as is.</summary>
    public int? Files { get; }

    public long Length => _zip.Length;

    /// <summary>
    /// The package for a folder (zipped without dotfiles and <paramref name="exclude"/>) or a zip file;
    /// null with the reason in <paramref name="errors"/> when it is neither or holds no files.
    /// </summary>
    public static async Task<CodePackage?> OpenAsync(string zipOrDirectory, IReadOnlySet<string>? exclude, List<string> errors,
        CancellationToken cancellationToken)
    {
        if (Directory.Exists(zipOrDirectory))
        {
            var (zip, files) = await FolderZipper.ZipToTemporaryFileAsync(zipOrDirectory, exclude, cancellationToken);
            if (files == 0)
            {
                await zip.DisposeAsync();
                errors.Add($"{zipOrDirectory}: no files to upload (dotfiles are left out)");
                return null;
            }
            return new CodePackage(zip, files);
        }
        if (File.Exists(zipOrDirectory))
        {
            try
            {
                // Whether it really is a zip is for the registry to say (400 InvalidZip), with its other checks.
                return new CodePackage(new FileStream(zipOrDirectory, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{zipOrDirectory} cannot be read: {ex.Message}");
                return null;
            }
        }
        errors.Add($"{zipOrDirectory}: no such file or folder");
        return null;
    }

    /// <summary>Sends the zip as the body of <paramref name="method"/> <paramref name="path"/>, with a progress bar labelled <paramref name="label"/>.</summary>
    public async Task<RegistryResponse> UploadAsync(RegistryClient client, HttpMethod method, string path, string label,
        CancellationToken cancellationToken)
    {
        using var bar = TerminalProgressBar.ForStandardError(label, _zip.Length);
        return await client.UploadZipAsync(method, path, _zip, bar, cancellationToken);
    }

    public ValueTask DisposeAsync() => _zip.DisposeAsync();
}
