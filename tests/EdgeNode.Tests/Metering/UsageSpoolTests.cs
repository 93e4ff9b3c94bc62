using System.Text;
using EdgeCompute.EdgeNode.Metering;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>
/// The write-ahead spool: what is appended is on disk at once and survives a restart, segments are
/// sealed by count, age and at start-up, a torn last line is dropped, and the size bound drops and counts.
/// </summary>
public sealed class UsageSpoolTests : IDisposable
{
    private readonly SpoolFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Append_Record_WrittenAsOneJsonLineWithTheContractsFields()
    {
        using var spool = _fixture.Open();

        Assert.True(spool.Append(SpoolFixture.Record()));

        var line = File.ReadAllText(Assert.Single(_fixture.Files(SpoolSegment.OpenExtension)));
        Assert.Equal("""
            {"account":"111111111111","function":"hello","version":"3","event":"viewer-request","style":"lambda-edge","engine":"v8","outcome":"ok","durationMs":12.34,"billedDurationMs":13,"memoryMb":128,"time":"2026-11-28T12:00:00.123Z"}

            """.ReplaceLineEndings("\n"), line);
        Assert.Equal(line.Length, spool.SpoolBytes);
    }

    [Fact]
    public void Append_NewSpoolOverSameDirectory_RecordsSurviveAndAreSealed()
    {
        // The first spool is never disposed or sealed: what a killed process leaves behind.
        var killed = _fixture.Open();
        for (var i = 0; i < 3; i++)
        {
            killed.Append(SpoolFixture.Record("f" + i));
        }

        using var restarted = _fixture.Open();

        Assert.Empty(_fixture.Files(SpoolSegment.OpenExtension));
        Assert.Equal(["f0", "f1", "f2"], _fixture.Lines(SpoolSegment.ReadyExtension).Select(r => r.GetProperty("function").GetString()));
        Assert.Equal(new FileInfo(Assert.Single(_fixture.Files(SpoolSegment.ReadyExtension))).Length, restarted.SpoolBytes);
        Assert.Single(_fixture.Logs.Containing("1 segment(s) left open by the previous process sealed (0 torn byte(s) dropped)"));
    }

    [Fact]
    public void Open_TornLastLine_DroppedAndSegmentSealed()
    {
        var id = Guid.CreateVersion7();
        var open = Path.Combine(_fixture.Directory, id + SpoolSegment.OpenExtension);
        var whole = """{"account":"111111111111","function":"a"}""" + "\n" + """{"account":"111111111111","function":"b"}""" + "\n";
        File.WriteAllText(open, whole + """{"account":"1111""");

        using var spool = _fixture.Open();

        var ready = Path.Combine(_fixture.Directory, id + SpoolSegment.ReadyExtension);
        Assert.Equal(whole, File.ReadAllText(ready));
        Assert.False(File.Exists(open));
        Assert.Equal(Encoding.UTF8.GetByteCount(whole), spool.SpoolBytes);
        Assert.Single(_fixture.Logs.Containing("(16 torn byte(s) dropped)"));
    }

    [Fact]
    public void Open_OnlyATornLine_SegmentDeleted()
    {
        File.WriteAllText(Path.Combine(_fixture.Directory, Guid.CreateVersion7() + SpoolSegment.OpenExtension), """{"acc""");

        using var spool = _fixture.Open();

        Assert.Empty(Directory.GetFiles(_fixture.Directory));
        Assert.Equal(0, spool.SpoolBytes);
    }

    [Fact]
    public void Append_SegmentRecordsReached_SegmentSealed()
    {
        using var spool = _fixture.Open(new MeteringOptions { SegmentRecords = 2, SegmentSeconds = 3600 });

        for (var i = 0; i < 5; i++)
        {
            spool.Append(SpoolFixture.Record("f" + i));
        }

        var ready = _fixture.Files(SpoolSegment.ReadyExtension);
        Assert.Equal(2, ready.Length);
        Assert.All(ready, r => Assert.Equal(2, File.ReadAllLines(r).Length));
        Assert.Equal(["f0", "f1", "f2", "f3"], _fixture.Lines(SpoolSegment.ReadyExtension).Select(r => r.GetProperty("function").GetString()));
        Assert.Equal(ready, spool.ReadySegments());
        Assert.Single(_fixture.Files(SpoolSegment.OpenExtension));
    }

    [Fact]
    public void SealIfDue_SegmentOlderThanSegmentSeconds_Sealed()
    {
        var clock = new ManualClock();
        using var spool = _fixture.Open(new MeteringOptions { SegmentSeconds = 2 }, clock);
        spool.Append(SpoolFixture.Record());

        spool.SealIfDue();
        Assert.Empty(_fixture.Files(SpoolSegment.ReadyExtension));
        Assert.Equal(TimeSpan.FromSeconds(2), spool.NextSealDue());

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, spool.NextSealDue());
        spool.SealIfDue();

        Assert.Single(_fixture.Files(SpoolSegment.ReadyExtension));
        Assert.Empty(_fixture.Files(SpoolSegment.OpenExtension));
    }

    [Fact]
    public void Append_ToSegmentPastItsAge_SealsItWithTheRecord()
    {
        var clock = new ManualClock();
        using var spool = _fixture.Open(new MeteringOptions { SegmentSeconds = 2 }, clock);
        spool.Append(SpoolFixture.Record("first"));
        clock.Advance(TimeSpan.FromSeconds(3));

        spool.Append(SpoolFixture.Record("second"));

        Assert.Equal(["first", "second"], _fixture.Lines(SpoolSegment.ReadyExtension).Select(r => r.GetProperty("function").GetString()));
        Assert.Empty(_fixture.Files(SpoolSegment.OpenExtension));
    }

    [Fact]
    public void Dispose_OpenSegment_Sealed()
    {
        var spool = _fixture.Open();
        spool.Append(SpoolFixture.Record());

        spool.Dispose();

        Assert.Single(_fixture.Files(SpoolSegment.ReadyExtension));
        Assert.Empty(_fixture.Files(SpoolSegment.OpenExtension));
        Assert.False(spool.Append(SpoolFixture.Record()));
    }

    [Fact]
    public void Append_PastMaxSpoolBytes_DroppedCountedAndLoggedOnce()
    {
        var lineBytes = Encoding.UTF8.GetByteCount(File.ReadAllText(WriteOneRecord()));
        using var spool = _fixture.Open(new MeteringOptions { MaxSpoolBytes = 2 * lineBytes + lineBytes / 2, SegmentRecords = 1 });

        var written = Enumerable.Range(0, 5).Select(_ => spool.Append(SpoolFixture.Record())).ToList();

        Assert.Equal([true, true, false, false, false], written);
        Assert.Equal(3, spool.DroppedRecords);
        Assert.Equal(3, _fixture.Metrics!.RecordsDropped.Value);
        Assert.Equal(2 * lineBytes, spool.SpoolBytes);
        Assert.Equal(2 * lineBytes, _fixture.Metrics.SpoolBytes.Value);
        Assert.Equal(2, _fixture.Files(SpoolSegment.ReadyExtension).Length);
        Assert.Single(_fixture.Logs.Containing("Usage records are being dropped: the spool is full"));

        // Acknowledged segments make room again.
        spool.Acknowledge(spool.ReadySegments()[0]);
        Assert.True(spool.Append(SpoolFixture.Record()));
        Assert.Single(_fixture.Logs.Containing("after 3 record(s) dropped"));
        Assert.Equal(2 * lineBytes, spool.SpoolBytes);
    }

    [Fact]
    public void Reject_Segment_MovedAsideAndOutOfTheBound()
    {
        using var spool = _fixture.Open(new MeteringOptions { SegmentRecords = 1 });
        spool.Append(SpoolFixture.Record());
        var segment = Assert.Single(spool.ReadySegments());

        spool.Reject(segment);

        Assert.Empty(spool.ReadySegments());
        Assert.True(File.Exists(Path.ChangeExtension(segment, SpoolSegment.RejectedExtension)));
        Assert.Equal(0, spool.SpoolBytes);
    }

    [Fact]
    public async Task Append_FromManyThreads_EveryRecordOnItsOwnLine()
    {
        using var spool = _fixture.Open(new MeteringOptions { SegmentRecords = 97 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                spool.Append(SpoolFixture.Record($"t{t}-{i}"));
            }
        })));
        spool.SealOpen();

        var names = _fixture.Lines(SpoolSegment.ReadyExtension).Select(r => r.GetProperty("function").GetString()).ToList();
        Assert.Equal(4000, names.Count);
        Assert.Equal(4000, names.Distinct().Count());
        Assert.Equal(_fixture.Files(SpoolSegment.ReadyExtension).Sum(f => new FileInfo(f).Length), spool.SpoolBytes);
    }

    /// <summary>Writes one record with a throwaway spool elsewhere and returns its file, to learn a line's size.</summary>
    private static string WriteOneRecord()
    {
        using var other = new SpoolFixture();
        using (var spool = other.Open())
        {
            spool.Append(SpoolFixture.Record());
        }
        var copy = Path.GetTempFileName();
        File.Copy(Assert.Single(other.Files(SpoolSegment.ReadyExtension)), copy, overwrite: true);
        return copy;
    }
}
