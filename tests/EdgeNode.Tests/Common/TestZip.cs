using System.IO.Compression;
using System.Text;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>Zip files built from C# strings: function code, layers, dependencies.</summary>
internal static class TestZip
{
    public static byte[] Create(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        Write(buffer, entries);
        return buffer.ToArray();
    }

    public static void WriteFile(string path, params (string Name, string Content)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        Write(file, entries);
    }

    private static void Write(Stream stream, (string Name, string Content)[] entries)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in entries)
        {
            var entry = zip.CreateEntry(name);
            // Fixed, so that the same content always zips to the same bytes (the default is now).
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var entryStream = entry.Open();
            entryStream.Write(Encoding.UTF8.GetBytes(content));
        }
    }
}
