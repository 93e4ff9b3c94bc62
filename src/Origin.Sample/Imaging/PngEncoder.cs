using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EdgeCompute.Origin.Sample.Imaging;

/// <summary>
/// Encodes a solid-colour 8-bit RGB PNG. Just enough of the format (IHDR, IDAT, IEND) to give
/// the edge cache real, decodable binary bodies without shipping image files.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] SolidColor(int width, int height, byte red, byte green, byte blue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", Header(width, height));
        WriteChunk(png, "IDAT", CompressedScanlines(width, height, red, green, blue));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour (RGB)
        // compression, filter and interlace methods are all 0 (the only defined/default values)
        return header;
    }

    private static byte[] CompressedScanlines(int width, int height, byte red, byte green, byte blue)
    {
        // Each scanline is a filter-type byte (0 = None) followed by the RGB pixels.
        var row = new byte[1 + (width * 3)];
        for (var x = 0; x < width; x++)
        {
            row[1 + (x * 3)] = red;
            row[2 + (x * 3)] = green;
            row[3 + (x * 3)] = blue;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        var typeBytes = Encoding.ASCII.GetBytes(type);

        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        png.Write(typeBytes);
        png.Write(data);

        // The CRC covers the chunk type and data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Compute(typeBytes, data));
        png.Write(buffer);
    }
}
