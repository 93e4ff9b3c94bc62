using System.IO.Compression;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class FolderZipperTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-zip-").FullName;

    [Fact]
    public void Files_DotfilesAndDotFolders_LeftOutAtAnyDepth()
    {
        Write("index.js", ".env", ".git/HEAD", "lib/a.js", "lib/.cache/x.js", "node_modules/pkg/index.js", "node_modules/pkg/.npmignore");

        var files = FolderZipper.Files(_dir);

        Assert.Equal(["index.js", "lib/a.js", "node_modules/pkg/index.js"], files);
    }

    [Fact]
    public void Files_Excluded_LeftOut()
    {
        Write("index.js", "function.json", "lib/function.json");

        var files = FolderZipper.Files(_dir, new HashSet<string> { "function.json" });

        Assert.Equal(["index.js", "lib/function.json"], files);
    }

    [Fact]
    public async Task ZipAsync_SameFilesWrittenAtOtherTimes_SameBytes()
    {
        Write("b.js", "a.js", "lib/c.js");
        var first = await ZipAsync();
        foreach (var file in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        }

        var second = await ZipAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ZipAsync_EntriesInOrdinalOrderWithTheirContents()
    {
        Write("b.js", "B.js", "a/z.js");

        using var zip = new ZipArchive(new MemoryStream(await ZipAsync()));

        Assert.Equal(["B.js", "a/z.js", "b.js"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("a/z.js")!.Open());
        Assert.Equal("content of a/z.js", reader.ReadToEnd());
    }

    private async Task<byte[]> ZipAsync()
    {
        using var zip = new MemoryStream();
        await FolderZipper.ZipAsync(_dir, zip, null, CancellationToken.None);
        return zip.ToArray();
    }

    private void Write(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_dir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "content of " + file);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
