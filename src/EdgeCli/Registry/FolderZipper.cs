using System.IO.Compression;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// Zips a folder for upload. The zip is deterministic — entries in ordinal path order with a fixed
/// timestamp — so the same files give the same bytes and the same <c>codeSha256</c>, and the
/// registry can tell an unchanged deploy from a new one. Dotfiles and dot-folders (<c>.git</c>,
/// <c>.env</c>, editor state) are left out: they are never code and may hold secrets.
/// </summary>
internal static class FolderZipper
{
    // The earliest time a zip entry can hold (MS-DOS date).
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The files that go into the zip: paths relative to <paramref name="directory"/> with '/', in the order written.</summary>
    /// <param name="exclude">Further relative paths to leave out.</param>
    public static IReadOnlyList<string> Files(string directory, IReadOnlySet<string>? exclude = null)
    {
        var files = new List<string>();
        Collect(new DirectoryInfo(directory), "", files);
        return files.Where(f => exclude is null || !exclude.Contains(f)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the zip of <paramref name="directory"/> to <paramref name="destination"/> (left open); the number of files.</summary>
    public static async Task<int> ZipAsync(string directory, Stream destination, IReadOnlySet<string>? exclude, CancellationToken cancellationToken)
    {
        var files = Files(directory, exclude);
        await using var archive = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var file in files)
        {
            var entry = archive.CreateEntry(file, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            await using var input = File.OpenRead(Path.Combine(directory, file));
            await using var output = await entry.OpenAsync(cancellationToken);
            await input.CopyToAsync(output, cancellationToken);
        }
        return files.Count;
    }

    /// <summary>
    /// The zip of <paramref name="directory"/> in a temporary file that is deleted when the stream is
    /// disposed, positioned at its start; with the number of files.
    /// </summary>
    public static async Task<(FileStream Zip, int Files)> ZipToTemporaryFileAsync(string directory, IReadOnlySet<string>? exclude,
        CancellationToken cancellationToken)
    {
        var zip = new FileStream(Path.Combine(Path.GetTempPath(), $"edge-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var count = await ZipAsync(directory, zip, exclude, cancellationToken);
            zip.Position = 0;
            return (zip, count);
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
    }

    private static void Collect(DirectoryInfo directory, string prefix, List<string> files)
    {
        // Explicit, not the platform's 'hidden' attribute: the same files are left out on every OS.
        var visible = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var file in directory.EnumerateFiles("*", visible).Where(f => !f.Name.StartsWith('.')))
        {
            files.Add(prefix + file.Name);
        }
        foreach (var child in directory.EnumerateDirectories("*", visible).Where(d => !d.Name.StartsWith('.')))
        {
            Collect(child, prefix + child.Name + "/", files);
        }
    }
}
