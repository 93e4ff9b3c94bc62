using System.Net;
using EdgeCompute.Origin.Sample.Registry.Uploads;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Uploads;

/// <summary>The edges of the ranges the <c>zipUrl</c> guard refuses; the server tests cover the refusal itself.</summary>
public sealed class NetworkAddressClassifierTests
{
    [Theory]
    [InlineData("8.8.8.8", "Public")]
    [InlineData("100.63.255.255", "Public")]
    [InlineData("100.64.0.1", "Private")]
    [InlineData("100.127.255.255", "Private")]
    [InlineData("172.15.255.255", "Public")]
    [InlineData("172.31.255.255", "Private")]
    [InlineData("172.32.0.1", "Public")]
    [InlineData("169.253.1.1", "Public")]
    [InlineData("127.1.2.3", "Loopback")]
    [InlineData("0.1.2.3", "Unspecified")]
    [InlineData("239.255.255.255", "Multicast")]
    [InlineData("255.255.255.255", "Reserved")]
    [InlineData("2606:4700::1111", "Public")]
    [InlineData("fc00::1", "Private")]
    [InlineData("fec0::1", "Private")]
    [InlineData("febf::1", "LinkLocal")]
    [InlineData("::ffff:10.0.0.1", "Private")]
    [InlineData("::ffff:8.8.8.8", "Public")]
    [InlineData("64:ff9b::a9fe:a9fe", "LinkLocal")]
    [InlineData("64:ff9b::808:808", "Public")]
    public void Classify_Address_FallsInItsRange(string address, string expected) =>
        Assert.Equal(expected, NetworkAddressClassifier.Classify(IPAddress.Parse(address)).ToString());
}
