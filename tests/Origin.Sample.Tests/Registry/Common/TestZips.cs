using System.IO.Compression;
using System.Text;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>Zips built in memory for uploads.</summary>
internal static class TestZips
{
    public const string Handler = "exports.handler = async (event) => event.Records[0].cf.request;\n";

    public static byte[] Create(params (string Name, string Content)[] entries) =>
        Create(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))).ToArray());

    public static byte[] Create(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                // A fixed time, so that the same content always zips to the same bytes (and SHA-256):
                // the entry's default is now, and a test that uploads one content twice across a
                // two-second boundary would otherwise see two different blobs.
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A Lambda@Edge function: <c>index.js</c> with an <c>exports.handler</c>, plus a marker to vary the hash.</summary>
    public static byte[] Function(string marker = "") => Create(("index.js", Handler + "// " + marker + "\n"));

    /// <summary>A layer package, laid out as on Lambda.</summary>
    public static byte[] Layer(string package = "util") =>
        Create(($"nodejs/node_modules/{package}/index.js", "module.exports = { twice: (x) => x * 2 };\n"));
}
