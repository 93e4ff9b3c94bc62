using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>
/// Blobs as files, <c>blobs/ab/abcdef….zip</c>, fanned out by the first two hex digits so no
/// directory grows huge. A file appears whole or not at all: it is written under a temporary name
/// and renamed, so a crash mid-write never leaves a blob whose content does not match its name.
/// </summary>
internal sealed partial class FileBlobStore(RegistryPaths paths) : IBlobStore
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    public static bool IsSha256(string value) => Sha256Hex().IsMatch(value);

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return sha256;
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
            // Two uploads of the same bytes may race here; both files are identical, so either may win.
            File.Move(temporary, path, overwrite: true);
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

    public Stream? OpenRead(string sha256) =>
        IsSha256(sha256) && File.Exists(PathOf(sha256))
            ? new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous)
            : null;

    private string PathOf(string sha256) => Path.Combine(paths.Blobs, sha256[..2], sha256 + ".zip");
}
