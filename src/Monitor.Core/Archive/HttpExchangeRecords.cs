using System.Globalization;
using System.Text;
using Monitor.Core.Accounts;

namespace Monitor.Core.Archive;

/// <summary>
/// Turns one HTTP exchange into its WARC records: the request and an HTTP/1.1 reconstruction of the response (body in
/// the content-coding it arrived in), each pointing at the other, and a <c>metadata</c> record when secrets were
/// masked. Digests are over the bytes stored, after masking.
/// </summary>
internal sealed class HttpExchangeRecords(ArchiveRedactor redactor)
{
    /// <summary>The account a capture belongs to: <c>archive list --account</c> reads it.</summary>
    public const string AccountField = "Monitor-Account-Id";
    public const string PlatformField = "Monitor-Platform";

    public IReadOnlyList<WarcRecord> Build(
        HttpRequestMessage request, HttpResponseMessage response, byte[] body, bool truncated, TrackedAccount? account, DateTimeOffset date)
    {
        var notes = new List<string>();
        var url = redactor.RedactUrl(request.RequestUri!.AbsoluteUri, "request URI", notes);
        var requestBlock = RequestBlock(request, notes);
        var codings = response.Content.Headers.ContentEncoding.ToArray();
        var storedBody = redactor.RedactBody(body, codings, "response", notes);
        var responseHead = ResponseHead(response, notes, storedBody.Length != body.Length && !truncated ? storedBody.Length : null);

        var requestId = WarcRecord.NewId();
        var responseId = WarcRecord.NewId();
        var when = WarcRecord.FormatDate(date);
        var records = new List<WarcRecord>(3)
        {
            HttpRecord("request", requestId, responseId, when, url, account, requestBlock, requestBlock.Length, truncated: false),
            HttpRecord("response", responseId, requestId, when, url, account, [.. responseHead, .. storedBody], responseHead.Length, truncated),
        };
        if (notes.Count > 0)
        {
            var block = Encoding.UTF8.GetBytes(string.Concat(notes.Distinct().Select(note => $"redacted: {note}\r\n")));
            records.Add(new WarcRecord(
                [
                    new("WARC-Type", "metadata"),
                    new("WARC-Record-ID", WarcRecord.NewId()),
                    new("WARC-Date", when),
                    new("WARC-Target-URI", url),
                    new("WARC-Concurrent-To", responseId),
                    new("WARC-Refers-To", requestId),
                    .. AccountFields(account),
                    new("Content-Type", "application/warc-fields"),
                    new("WARC-Block-Digest", WarcDigest.Sha256(block)),
                ],
                block));
        }

        return records;
    }

    private static WarcRecord HttpRecord(
        string type, string id, string concurrentTo, string date, string url, TrackedAccount? account, byte[] block, int headLength, bool truncated)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("WARC-Type", type),
            new("WARC-Record-ID", id),
            new("WARC-Date", date),
            new("WARC-Target-URI", url),
            new("WARC-Concurrent-To", concurrentTo),
            .. AccountFields(account),
            new("Content-Type", $"application/http;msgtype={type}"),
            new("WARC-Block-Digest", WarcDigest.Sha256(block)),
            new("WARC-Payload-Digest", WarcDigest.Sha256(block.AsSpan(headLength))),
        ];
        if (truncated)
        {
            fields.Add(new("WARC-Truncated", "length"));
        }

        return new WarcRecord(fields, block);
    }

    private static IEnumerable<KeyValuePair<string, string>> AccountFields(TrackedAccount? account) =>
        account is null ? [] : [new(AccountField, account.Id), new(PlatformField, account.Platform)];

    private byte[] RequestBlock(HttpRequestMessage request, List<string> notes)
    {
        var uri = request.RequestUri!;
        var target = redactor.RedactUrl(uri.PathAndQuery, "request URI", []);
        var head = new StringBuilder($"{request.Method.Method} {target} HTTP/1.1\r\n");
        head.Append("Host: ").Append(uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}").Append("\r\n");
        var headers = request.Headers.AsEnumerable();
        if (request.Content is not null)
        {
            headers = headers.Concat(request.Content.Headers);
        }

        foreach (var (name, values) in headers)
        {
            head.Append(name).Append(": ").Append(redactor.RedactHeader(name, string.Join(", ", values), "request", notes)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>
    /// Status line and headers as they arrived, without Transfer-Encoding (the body is stored de-chunked). When masking
    /// changed the body's length, Content-Length is the stored length.
    /// </summary>
    private byte[] ResponseHead(HttpResponseMessage response, List<string> notes, int? storedLength)
    {
        var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}\r\n"));
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && storedLength is { } length
                ? length.ToString(CultureInfo.InvariantCulture)
                : string.Join(", ", values);
            // Set-Cookie cannot be folded into one line (RFC 9110 §5.3): one line per cookie.
            foreach (var line in name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? values : [value])
            {
                head.Append(name).Append(": ").Append(redactor.RedactHeader(name, line, "response", notes)).Append("\r\n");
            }
        }

        return Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
    }
}
