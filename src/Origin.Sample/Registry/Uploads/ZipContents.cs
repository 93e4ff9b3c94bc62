namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>What a checked zip holds: its source files (<c>.js</c>, <c>.mjs</c>, <c>.cjs</c>, <c>.json</c>) as text, and its unzipped size.</summary>
internal sealed record ZipContents(IReadOnlyDictionary<string, string> Sources, long UnzippedBytes);
