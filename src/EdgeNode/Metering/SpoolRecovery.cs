namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Start-up of a spool directory: the <c>.open</c> segments a previous process left (killed, or a
/// crash) are sealed, a torn last line cut off, so that they are reported like any other.
/// </summary>
internal static class SpoolRecovery
{
    /// <summary>What start-up found: segments sealed, torn bytes dropped, and the spool's size after it.</summary>
    public readonly record struct Result(int Sealed, long TornBytes, long SpoolBytes);

    public static Result Recover(string directory)
    {
        Directory.CreateDirectory(directory);
        var sealedCount = 0;
        long torn = 0;
        foreach (var open in Directory.EnumerateFiles(directory, "*" + SpoolSegment.OpenExtension))
        {
            torn += SealLeftOver(open, out var sealedOne);
            sealedCount += sealedOne ? 1 : 0;
        }
        long bytes = 0;
        foreach (var ready in Directory.EnumerateFiles(directory, "*" + SpoolSegment.ReadyExtension))
        {
            bytes += new FileInfo(ready).Length;
        }
        return new Result(sealedCount, torn, bytes);
    }

    /// <summary>Cuts the file after its last complete line and renames it <c>.ready</c>; returns the bytes cut.</summary>
    private static long SealLeftOver(string path, out bool sealedOne)
    {
        long kept;
        long length;
        // Shared: a process that died holds no lock, and a spool abandoned in the same process (a test's
        // stand-in for a killed node) must not block its successor. One node per spool directory.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            length = file.Length;
            kept = LastLineEnd(file);
            if (kept < length)
            {
                // A write cut short by the process's death: the record was never answered, so it is not billed.
                file.SetLength(kept);
            }
            file.Flush(flushToDisk: true);
        }
        sealedOne = kept > 0;
        if (sealedOne)
        {
            File.Move(path, SpoolSegment.ReadyPath(path), overwrite: false);
        }
        else
        {
            File.Delete(path);
        }
        return length - kept;
    }

    /// <summary>The length up to and including the last <c>\n</c>, read backwards in small blocks.</summary>
    private static long LastLineEnd(FileStream file)
    {
        var buffer = new byte[4096];
        var end = file.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            file.Position = start;
            file.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                return start + newline + 1;
            }
            end = start;
        }
        return 0;
    }
}
