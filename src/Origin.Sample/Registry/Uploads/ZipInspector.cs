using System.IO.Compression;
using System.Text;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// Opens an uploaded zip and refuses what a node must never unpack: entries that climb out of the
/// function's folder, and more unzipped bytes than allowed. The bytes are counted while they are
/// inflated, not taken from the entry headers, which a zip bomb can fake.
/// </summary>
internal static class ZipInspector
{
    private static readonly string[] SourceExtensions = [".js", ".mjs", ".cjs", ".json"];

    public static ZipContents Read(byte[] zip, long maxUnzippedBytes)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (IsUnsafe(name))
                {
                    throw RegistryProblemException.BadRequest(ErrorCodes.UnsafePath,
                        $"zip entry '{entry.FullName}' points outside the package (absolute path, drive letter or '..'); zip the folder's contents with relative paths");
                }
                if (name.EndsWith('/'))
                {
                    continue;
                }
                var keep = SourceExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal));
                using var text = keep ? new MemoryStream() : null;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > maxUnzippedBytes)
                    {
                        throw RegistryProblemException.TooLarge(ErrorCodes.UnzippedTooLarge,
                            $"the zip unpacks to more than {maxUnzippedBytes} bytes (stopped at entry '{entry.FullName}')");
                    }
                    text?.Write(buffer, 0, read);
                }
                if (text is not null)
                {
                    sources[name] = Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
                }
            }
        }
        // Corrupt archives throw InvalidDataException; unsupported compression methods, NotSupportedException.
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidZip, $"the upload is not a readable zip file: {ex.Message}");
        }
        return new ZipContents(sources, total);
    }

    private static bool IsUnsafe(string name) =>
        name.Length == 0 || name.StartsWith('/') || (name.Length >= 2 && name[1] == ':') ||
        name.Split('/').Any(part => part == "..");
}
