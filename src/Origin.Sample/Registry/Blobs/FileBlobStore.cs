using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>
/// Blobs as files, <c>blobs/ab/abcdef….zip</c>, fanned out by the first two hex digits so no
/// directory grows huge. A file appears whole or not at all: it is written under a temporary name
/// and renamed, so a crash mid-write never leaves a blob whose content does not match its name.
/// A file's last-write time is its age for the collector, set from <see cref="TimeProvider"/> on every put.
/// </summary>
internal sealed partial class FileBlobStore(RegistryPaths paths, TimeProvider time) : IBlobStore
{
    // Orders a put of existing bytes (which refreshes the age) against the collector's
    // check-age-then-delete, so a blob that is about to be referenced again is never deleted.
    private readonly Lock _files = new();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    public static bool IsSha256(string value) => Sha256Hex().IsMatch(value);

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        lock (_files)
        {
            if (File.Exists(path))
            {
                Touch(path);
                return sha256;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            lock (_files)
            {
                // Two uploads of the same bytes may race here; both files are identical, so either may win.
                File.Move(temporary, path, overwrite: true);
                Touch(path);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
        return sha256;
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!IsSha256(sha256) || !File.Exists(PathOf(sha256)))
        {
            return null;
        }
        return await File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);
    }

    public Stream? OpenRead(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return null;
        }
        try
        {
            // Sharing delete: the collector may remove an unreferenced blob while a node still reads it.
            return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public IEnumerable<StoredBlob> List()
    {
        if (!Directory.Exists(paths.Blobs))
        {
            return [];
        }
        return from file in Directory.EnumerateFiles(paths.Blobs, "*.zip", SearchOption.AllDirectories)
               let sha256 = Path.GetFileNameWithoutExtension(file)
               where IsSha256(sha256) && file == PathOf(sha256)
               select new StoredBlob(sha256, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
    }

    public bool DeleteIfUnchangedSince(string sha256, DateTimeOffset cutoff)
    {
        if (!IsSha256(sha256))
        {
            return false;
        }
        var path = PathOf(sha256);
        lock (_files)
        {
            if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= cutoff.UtcDateTime)
            {
                return false;
            }
            File.Delete(path);
            return true;
        }
    }

    private void Touch(string path) => File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);

    private string PathOf(string sha256) => Path.Combine(paths.Blobs, sha256[..2], sha256 + ".zip");
}
