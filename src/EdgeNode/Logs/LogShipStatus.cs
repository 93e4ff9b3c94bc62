namespace EdgeCompute.EdgeNode.Logs;

/// <summary>How the regional origin answered one log batch.</summary>
internal enum LogShipStatus
{
    /// <summary>200: stored now or before; the records may go.</summary>
    Acknowledged,

    /// <summary>400: the batch will never be accepted; its records are dropped.</summary>
    Rejected,

    /// <summary>Not reached, no answer in time, or any other status: the same batch is sent again.</summary>
    Failed,
}
