using System.Buffers.Binary;
using System.Buffers.Text;
using EdgeCompute.EdgeNode.Pipeline;
using Xunit;

namespace EdgeCompute.EdgeNode.Tests.Pipeline;

public class RequestIdGeneratorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 5, 30, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Next_IsShapedLikeCloudFrontsId()
    {
        var id = RequestIdGenerator.Next(At);

        Assert.Equal(56, id.Length);
        Assert.EndsWith("==", id);
        Assert.Matches("^[A-Za-z0-9_-]{54}==$", id);
    }

    [Fact]
    public void Next_StartsWithTheTimeInUnixMilliseconds()
    {
        var bytes = Base64Url.DecodeFromChars(RequestIdGenerator.Next(At).AsSpan(0, 54));

        Span<byte> time = stackalloc byte[8];
        bytes.AsSpan(0, 6).CopyTo(time[2..]);
        Assert.Equal(At.ToUnixTimeMilliseconds(), BinaryPrimitives.ReadInt64BigEndian(time));
    }

    [Fact]
    public void Next_SameMillisecond_SharesTheTimeCharactersAndDiffersAfterThem()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RequestIdGenerator.Next(At)).ToList();

        // Side by side in the regional origin's request-id index: what keeps storing shipped lines cheap.
        Assert.Single(ids.Select(id => id[..RequestIdGenerator.TimeChars]).Distinct());
        Assert.Equal(ids.Count, ids.Select(id => id[RequestIdGenerator.TimeChars..]).Distinct().Count());
    }

    [Fact]
    public void Next_AnotherMillisecond_AnotherTimePrefix()
    {
        Assert.NotEqual(RequestIdGenerator.Next(At)[..RequestIdGenerator.TimeChars],
            RequestIdGenerator.Next(At.AddMilliseconds(1))[..RequestIdGenerator.TimeChars]);
    }
}
