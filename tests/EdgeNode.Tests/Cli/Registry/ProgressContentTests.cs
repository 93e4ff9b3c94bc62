using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class ProgressContentTests
{
    [Fact]
    public async Task CopyTo_LargeBody_ReportsRunningTotalsUpToTheLength()
    {
        var bytes = new byte[200_000];
        Random.Shared.NextBytes(bytes);
        var reports = new List<long>();
        using var content = new ProgressContent(new MemoryStream(bytes), new Recorder(reports));

        using var sent = new MemoryStream();
        await content.CopyToAsync(sent);

        Assert.Equal(bytes, sent.ToArray());
        Assert.Equal(200_000, content.Headers.ContentLength);
        Assert.True(reports.Count > 1);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(200_000, reports[^1]);
    }

    [Fact]
    public void TerminalProgressBar_RedrawsOnlyWhenThePercentChangesAndEndsTheLine()
    {
        var terminal = new StringWriter();
        using (var bar = new TerminalProgressBar(terminal, "uploading hello", 1000))
        {
            bar.Report(500);
            bar.Report(501);
            bar.Report(1000);
        }

        var text = terminal.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.Contains("uploading hello [###############---------------]  50%", text);
        Assert.EndsWith("100%  0.0/0.0 MB" + Environment.NewLine, text);
    }

    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
