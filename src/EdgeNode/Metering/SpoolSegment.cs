namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// The segment file records are appended to: <c>{guid}.open</c> while written, renamed
/// <c>{guid}.ready</c> when sealed. Owned by <see cref="UsageSpool"/>, which appends under its lock
/// and seals it once, after taking it out of use; it lives until sealed.
/// </summary>
internal sealed class SpoolSegment
{
    public const string OpenExtension = ".open";
    public const string ReadyExtension = ".ready";
    public const string RejectedExtension = ".rejected";

    private readonly FileStream _file;

    private SpoolSegment(string directory, Guid id, long createdTimestamp)
    {
        Id = id;
        OpenPath = Path.Combine(directory, id.ToString("D") + OpenExtension);
        CreatedTimestamp = createdTimestamp;
        // No buffer: each record is one write(2) straight to the OS, so a killed process loses nothing
        // it has answered. Durability against power loss comes from the fsync when sealing.
        _file = new FileStream(OpenPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>Version 7: the names sort by creation time, which is the order segments are reported in.</summary>
    public Guid Id { get; }

    public string OpenPath { get; }

    public long CreatedTimestamp { get; }

    public int Records { get; private set; }

    public static SpoolSegment Create(string directory, DateTimeOffset now, long timestamp) =>
        new(directory, Guid.CreateVersion7(now), timestamp);

    /// <summary>The <c>.ready</c> name of the segment at <paramref name="path"/> (any extension).</summary>
    public static string ReadyPath(string path) => Path.ChangeExtension(path, ReadyExtension);

    public void Append(ReadOnlySpan<byte> line)
    {
        _file.Write(line);
        Records++;
    }

    /// <summary>
    /// Flushes to disk, closes and renames to <c>.ready</c>; an empty segment is deleted instead.
    /// Returns the sealed path, or null when there was nothing to seal.
    /// </summary>
    public string? Seal()
    {
        if (Records == 0)
        {
            _file.Dispose();
            File.Delete(OpenPath);
            return null;
        }
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        var ready = ReadyPath(OpenPath);
        File.Move(OpenPath, ready);
        return ready;
    }
}
