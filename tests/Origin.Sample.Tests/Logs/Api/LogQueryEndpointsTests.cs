using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using static EdgeCompute.Origin.Sample.Tests.Logs.Common.LogBatches;

namespace EdgeCompute.Origin.Sample.Tests.Logs.Api;

/// <summary><c>GET /logs</c>: filters, order, paging and tenant isolation, against the real server and SQLite.</summary>
public sealed class LogQueryEndpointsTests : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync();
        // Two nodes, lines arriving out of order; b and c share a time, so node and sequence decide.
        await _server.Node.ShipOkAsync("edge-2:1", "edge-2",
            Line("c", "2026-11-28T12:00:01Z", sequence: 7, requestId: "req-2"),
            Line("e", "2026-11-28T12:00:03Z", sequence: 8, requestId: "req-2", level: "ERROR"));
        await _server.Node.ShipOkAsync("edge-1:1", "edge-1",
            Line("a", "2026-11-28T12:00:00Z", sequence: 1),
            Line("b2", "2026-11-28T12:00:01Z", sequence: 3),
            Line("b1", "2026-11-28T12:00:01Z", sequence: 2),
            Line("d needle", "2026-11-28T12:00:02Z", sequence: 4),
            Line("other function", "2026-11-28T12:00:02Z", sequence: 5, function: "other"),
            Line("account b", "2026-11-28T12:00:02Z", sequence: 6, account: RegistryServer.AccountB));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Query_Function_OrderedByTimeThenNodeThenSequence()
    {
        Assert.Equal(["a", "b1", "b2", "c", "d needle", "e"], Messages(await _server.A.LogsAsync("function=hello")));
    }

    [Fact]
    public async Task Query_SinceUntil_SinceInclusiveUntilExclusive()
    {
        Assert.Equal(["b1", "b2", "c", "d needle"],
            Messages(await _server.A.LogsAsync("function=hello&since=2026-11-28T12:00:01Z&until=2026-11-28T13:00:03%2B01:00")));
    }

    [Fact]
    public async Task Query_RequestId_OnlyThatInvocation()
    {
        Assert.Equal(["c", "e"], Messages(await _server.A.LogsAsync("requestId=req-2")));
    }

    [Fact]
    public async Task Query_Contains_CaseSensitiveSubstring()
    {
        Assert.Equal(["d needle"], Messages(await _server.A.LogsAsync("function=hello&contains=needle")));
        Assert.Empty(Messages(await _server.A.LogsAsync("function=hello&contains=NEEDLE")));
    }

    [Fact]
    public async Task Query_OtherAccount_SeesOnlyItsOwnLines()
    {
        Assert.Equal(["account b"], Messages(await _server.B.LogsAsync()));
        Assert.Empty(Messages(await _server.C.LogsAsync()));
        Assert.DoesNotContain("account b", Messages(await _server.A.LogsAsync()));
    }

    [Fact]
    public async Task Query_Limit_PagesWithTheCursor_NoLineTwice()
    {
        var seen = new List<string>();
        string? cursor = null;
        bool more;
        do
        {
            var page = await _server.A.LogsAsync("function=hello&limit=4" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(Messages(page));
            cursor = (string?)page["next"];
            more = (bool)page["more"]!;
        }
        while (more);

        Assert.Equal(["a", "b1", "b2", "c", "d needle", "e"], seen);
        // Following from the last cursor: nothing new yet, then only the new line.
        Assert.Empty(Messages(await _server.A.LogsAsync("function=hello&cursor=" + Uri.EscapeDataString(cursor!))));
        await _server.Node.ShipOkAsync("edge-1:2", "edge-1", Line("f", "2026-11-28T12:00:04Z", sequence: 9));
        Assert.Equal(["f"], Messages(await _server.A.LogsAsync("function=hello&cursor=" + Uri.EscapeDataString(cursor!))));
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-11-28T12:00:00", "since")]
    [InlineData("until=2026-13-01T00:00:00Z", "until")]
    [InlineData("since=2026-11-28T12:00:00Z&until=2026-11-28T11:00:00Z", "until")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=%21%21", "cursor")]
    public async Task Query_BadParameter_400NamingIt(string query, string named)
    {
        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", _server.A.GetAsync("logs?" + query));

        Assert.Contains(named, (string?)problem["detail"]);
    }

    [Fact]
    public async Task Query_WithoutAccountKey_401()
    {
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", _server.Client(null).GetAsync("logs"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", _server.Node.GetAsync("logs"));
    }
}
