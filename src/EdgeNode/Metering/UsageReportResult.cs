namespace EdgeCompute.EdgeNode.Metering;

/// <summary>How the regional origin answered one usage batch.</summary>
internal enum UsageReportStatus
{
    /// <summary>200: ingested now or before (<see cref="UsageReportResult.Duplicate"/>); the segment may go.</summary>
    Acknowledged,

    /// <summary>400: the batch is malformed and will never be accepted; the segment is set aside.</summary>
    Rejected,

    /// <summary>Not reached, no answer in time, or any other status: the same batch is sent again later.</summary>
    Failed,
}

/// <summary>The answer to one batch; <see cref="Detail"/> says why when it was not acknowledged.</summary>
internal readonly record struct UsageReportResult(UsageReportStatus Status, string Detail, int Accepted = 0, bool Duplicate = false);
