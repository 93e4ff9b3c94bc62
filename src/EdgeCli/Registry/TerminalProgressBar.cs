namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// An upload's progress as one redrawn line on a terminal: <c>label [#####-----]  52%  1.3/2.5 MB</c>.
/// Only for a terminal: when stderr goes to a file or a pipe (scripts, CI logs) nothing is drawn,
/// so logs do not fill with carriage returns.
/// </summary>
internal sealed class TerminalProgressBar(TextWriter terminal, string label, long total) : IProgress<long>, IDisposable
{
    private const int Width = 30;
    private int _drawnPercent = -1;

    /// <summary>A bar on stderr when it is a terminal, else null (no progress shown).</summary>
    public static TerminalProgressBar? ForStandardError(string label, long total) =>
        Console.IsErrorRedirected ? null : new TerminalProgressBar(Console.Error, label, total);

    public void Report(long sent)
    {
        var percent = total <= 0 ? 100 : (int)Math.Clamp(sent * 100 / total, 0, 100);
        // Redraw only when the number changes: a 64 KB chunk at a time would flood a slow terminal.
        if (percent == _drawnPercent)
        {
            return;
        }
        _drawnPercent = percent;
        var filled = percent * Width / 100;
        terminal.Write($"\r{label} [{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%  {Megabytes(sent)}/{Megabytes(total)} MB");
        terminal.Flush();
    }

    /// <summary>Ends the bar's line, so that what follows starts on its own.</summary>
    public void Dispose()
    {
        if (_drawnPercent >= 0)
        {
            terminal.WriteLine();
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
