namespace EdgeCompute.EdgeNode.Geo;

/// <summary>What a User-Agent says about the device: one form factor, and the OS flags on top.</summary>
internal readonly record struct DeviceKind(DeviceFormFactor FormFactor, bool IsAndroid, bool IsIos);

/// <summary>Exactly one is true per viewer, as CloudFront's four Is-*-Viewer headers are.</summary>
internal enum DeviceFormFactor
{
    Desktop,
    Mobile,
    Tablet,
    SmartTV,
}
