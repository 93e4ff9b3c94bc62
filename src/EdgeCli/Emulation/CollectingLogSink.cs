using System.Globalization;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeCli.Emulation;

/// <summary>Keeps function log lines in CloudWatch's text shape, for <c>edge test</c>'s output.</summary>
internal sealed class CollectingLogSink : IFunctionLogSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Write(in FunctionLogRecord record)
    {
        // Lambda writes console lines as "time\trequest id\tLEVEL\tmessage" and REPORT lines bare.
        _lines.Add(record.Level == "REPORT"
            ? record.Message
            : string.Create(CultureInfo.InvariantCulture, $"{record.Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}\t{record.RequestId}\t{record.Level}\t{record.Message}"));
    }
}
