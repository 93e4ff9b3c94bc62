using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Turns a <see cref="UsageRecord"/> into one JSON line (the contract's field names, <c>time</c> in UTC
/// to the millisecond, ending in <c>\n</c>) in a buffer it reuses. Not thread-safe: its owner (the
/// spool, under its lock) serialises the calls, so the hot path allocates nothing.
/// </summary>
internal sealed class UsageRecordWriter
{
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText Style = JsonEncodedText.Encode("style");
    private static readonly JsonEncodedText Engine = JsonEncodedText.Encode("engine");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText DurationMs = JsonEncodedText.Encode("durationMs");
    private static readonly JsonEncodedText BilledDurationMs = JsonEncodedText.Encode("billedDurationMs");
    private static readonly JsonEncodedText MemoryMb = JsonEncodedText.Encode("memoryMb");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _json;

    public UsageRecordWriter()
    {
        // Names are ASCII identifiers; the relaxed encoder keeps a '$LATEST' or a '+' readable in the files.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>The record as a JSON line; valid until the next call.</summary>
    public ReadOnlySpan<byte> Write(UsageRecord record)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString(Account, record.Account);
        _json.WriteString(Function, record.Function);
        _json.WriteString(Version, record.Version);
        _json.WriteString(Event, record.Event);
        _json.WriteString(Style, record.Style);
        _json.WriteString(Engine, record.Engine);
        _json.WriteString(Outcome, record.Outcome);
        _json.WriteNumber(DurationMs, Math.Round(record.DurationMs, 3));
        _json.WriteNumber(BilledDurationMs, record.BilledDurationMs);
        _json.WriteNumber(MemoryMb, record.MemoryMb);
        Span<char> time = stackalloc char[32];
        record.Time.UtcDateTime.TryFormat(time, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _json.WriteString(Time, time[..length]);
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        return _buffer.WrittenSpan;
    }
}
