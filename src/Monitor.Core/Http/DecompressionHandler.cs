namespace Monitor.Core.Http;

/// <summary>
/// Asks for gzip, deflate and br and decodes the body for the adapters. It sits above the capture archive, which
/// records the body in the content-coding it arrived in (SocketsHttpHandler's automatic decompression would hide it).
/// </summary>
internal sealed class DecompressionHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            foreach (var coding in ContentCoding.Accepted)
            {
                request.Headers.AcceptEncoding.Add(new(coding));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        var codings = response.Content.Headers.ContentEncoding;
        if (codings.Count == 0 || !codings.All(ContentCoding.IsKnown))
        {
            return response;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        foreach (var coding in codings.Reverse())
        {
            stream = ContentCoding.Decode(coding, stream);
        }

        var decoded = new StreamContent(stream);
        foreach (var header in response.Content.Headers)
        {
            if (header.Key is not ("Content-Encoding" or "Content-Length"))
            {
                decoded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = decoded;
        return response;
    }
}
