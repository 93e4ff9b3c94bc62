namespace EdgeCompute.EdgeNode.Observability;

/// <summary>The <c>status</c> label: <c>1xx</c>…<c>5xx</c>, so that the label set stays bounded.</summary>
internal static class StatusClass
{
    public static readonly string[] Labels = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    /// <summary>0 for 1xx … 4 for 5xx; anything out of range counts as 5xx.</summary>
    public static int Index(int status) => status is >= 100 and < 500 ? status / 100 - 1 : 4;
}
