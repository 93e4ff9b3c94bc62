using System.Globalization;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// The node's copy of the registry on disk, under <see cref="RegionalOptions.DataDirectory"/>:
/// <c>current</c> (the revision served, written atomically), <c>snapshots/{revision}/</c> (a config
/// tree the normal loader reads) and <c>bundles/{sha256}.zip</c> (verified code and layer zips).
/// Only the sync service writes here; one node per directory.
/// </summary>
internal sealed class SnapshotStore
{
    private const string CurrentFile = "current";

    public SnapshotStore(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string BundlesDirectory => Path.Combine(Root, "bundles");

    public string SnapshotsDirectory => Path.Combine(Root, "snapshots");

    public string BundlePath(string sha256) => Path.Combine(BundlesDirectory, sha256 + ".zip");

    public string SnapshotDirectory(long revision) => Path.Combine(SnapshotsDirectory, revision.ToString(CultureInfo.InvariantCulture));

    public string ConfigFile(long revision) => Path.Combine(SnapshotDirectory(revision), "edge.json");

    /// <summary>The revision <c>current</c> names, or null when there is none (a first start) or it is unreadable.</summary>
    public long? ReadCurrent()
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(Root, CurrentFile)).Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Loads the snapshot <c>current</c> names, with its revision as the snapshot's version; null when there is none.</summary>
    public ConfigLoadResult? LoadCurrent() =>
        ReadCurrent() is { } revision ? EdgeConfigLoader.Load(ConfigFile(revision), revision) : null;

    /// <summary>Names <paramref name="revision"/> as the one served: a temp file renamed over <c>current</c>, so a crash leaves the old or the new name, never half of one.</summary>
    public async Task WriteCurrentAsync(long revision, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, CurrentFile);
        var temp = TempPath(path);
        await File.WriteAllTextAsync(temp, revision.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A unique sibling of <paramref name="path"/> to write before renaming; <see cref="RemoveAllBut"/> clears leftovers.</summary>
    public static string TempPath(string path) => path + ".tmp-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Deletes every snapshot folder but <paramref name="revision"/>'s, every bundle not in
    /// <paramref name="bundles"/>, and leftovers of interrupted writes. What cannot be deleted now
    /// (a file still open) goes next time.
    /// </summary>
    public void RemoveAllBut(long revision, IReadOnlySet<string> bundles)
    {
        var keep = SnapshotDirectory(revision);
        foreach (var directory in Enumerate(SnapshotsDirectory, Directory.EnumerateDirectories))
        {
            if (!string.Equals(directory, keep, StringComparison.Ordinal))
            {
                TryDelete(() => Directory.Delete(directory, recursive: true));
            }
        }
        foreach (var file in Enumerate(BundlesDirectory, Directory.EnumerateFiles))
        {
            var name = Path.GetFileName(file);
            if (!(name.EndsWith(".zip", StringComparison.Ordinal) && bundles.Contains(name[..^4])))
            {
                TryDelete(() => File.Delete(file));
            }
        }
        foreach (var file in Enumerate(Root, Directory.EnumerateFiles))
        {
            if (Path.GetFileName(file).StartsWith(CurrentFile + ".tmp-", StringComparison.Ordinal))
            {
                TryDelete(() => File.Delete(file));
            }
        }
    }

    private static IReadOnlyList<string> Enumerate(string directory, Func<string, IEnumerable<string>> list) =>
        Directory.Exists(directory) ? list(directory).ToList() : [];

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
