using Monitor.Core.Http;

namespace Monitor.Core.Archive;

/// <summary>
/// Appends every exchange to the capture archive, below the decompression and redirect handlers so that each hop is
/// recorded with its body in the content-coding it arrived in. The body is read once (up to the platform's limit,
/// plus one byte so the reader above still sees an oversized body fail) and handed on from memory.
/// </summary>
internal sealed class CaptureArchiveHandler(CaptureArchive archive, long maxResponseBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!archive.Enabled)
        {
            return response;
        }

        var (body, truncated) = await ReadAsync(response.Content, maxResponseBytes + 1, cancellationToken);
        try
        {
            await archive.AppendAsync(request, response, body, truncated, FetchContext.Account, cancellationToken);
        }
        catch (IOException ex)
        {
            response.Dispose();
            // Not an IOException: the resilience pipeline would retry it as a network failure.
            throw new CaptureArchiveException($"The capture archive could not be written: {ex.Message}", ex);
        }

        var buffered = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers.Where(header => header.Key != "Content-Length" || !truncated))
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = buffered;
        return response;
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), buffer.Length >= limit);
    }
}
