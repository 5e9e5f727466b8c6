using Monitor.Core.Adapters;
using Monitor.Core.Http;

namespace Monitor.Core.Tests.Http;

public sealed class ResponseReaderTests
{
    private const long Cap = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, bool> Sizes => new()
    {
        // body bytes, whether the response declares its Content-Length
        { 0, true }, { 0, false }, { 1, true }, { 1, false }, { 16 * 1024, true }, { 16 * 1024, false },
        { 40_000, true }, { 40_000, false }, { (int)Cap, true }, { (int)Cap, false },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task ReadBytesAsync_BodyUpToTheCap_ReturnsItExactly(int size, bool declared)
    {
        var body = Body(size);
        using var response = Response(body, declared ? size : null);

        var read = await ResponseReader.ReadBytesAsync(response, Cap, Ct);

        Assert.Equal(body, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadBytesAsync_BodyOneByteOverTheCap_Throws(bool declared)
    {
        using var response = Response(Body((int)Cap + 1), declared ? Cap + 1 : null);

        var error = await Assert.ThrowsAsync<PayloadFormatException>(() => ResponseReader.ReadBytesAsync(response, Cap, Ct));

        Assert.Equal("Response body exceeds the configured limit of 1,048,576 bytes.", error.Message);
    }

    [Fact]
    public async Task ReadBytesAsync_BodyLongerThanItsContentLength_ReturnsAllOfIt()
    {
        var body = Body(50_000);
        using var response = Response(body, declaredLength: 20_000);

        Assert.Equal(body, await ResponseReader.ReadBytesAsync(response, Cap, Ct));
    }

    [Fact]
    public async Task ReadBytesAsync_BodyLongerThanItsContentLengthAndTheCap_Throws()
    {
        using var response = Response(Body((int)Cap + 10), declaredLength: Cap);

        await Assert.ThrowsAsync<PayloadFormatException>(() => ResponseReader.ReadBytesAsync(response, Cap, Ct));
    }

    [Fact]
    public async Task ReadBytesAsync_BodyShorterThanItsContentLength_ReturnsWhatCame()
    {
        var body = Body(3_000);
        using var response = Response(body, declaredLength: 10_000);

        Assert.Equal(body, await ResponseReader.ReadBytesAsync(response, Cap, Ct));
    }

    private static byte[] Body(int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 31 % 251)).ToArray();

    /// <summary>A response whose body arrives in small reads, as from a socket, with the given Content-Length header.</summary>
    private static HttpResponseMessage Response(byte[] body, long? declaredLength)
    {
        var content = new StreamContent(new TricklingStream(body));
        content.Headers.ContentLength = declaredLength;
        return new HttpResponseMessage { Content = content };
    }

    /// <summary>Non-seekable, and never returns more than 7,000 bytes per read.</summary>
    private sealed class TricklingStream(byte[] data) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 7_000), data.Length - position);
            data.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
