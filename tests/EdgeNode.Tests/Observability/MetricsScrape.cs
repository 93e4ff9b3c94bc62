using System.Globalization;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>One Prometheus text exposition, as series (<c>name{labels}</c>, exactly as exported) to values.</summary>
internal sealed class MetricsScrape
{
    private readonly Dictionary<string, double> _series = new(StringComparer.Ordinal);

    public MetricsScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            _series[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    /// <summary>The series' value; 0 when it was not exported (a counter never incremented).</summary>
    public double this[string series] => _series.GetValueOrDefault(series);

    public bool Has(string series) => _series.ContainsKey(series);

    public static async Task<MetricsScrape> GetAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }
}
