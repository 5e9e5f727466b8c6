using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>Where and how <c>accounts import wikidata</c> asks the query service (<c>Monitor:Wikidata</c>).</summary>
public sealed class WikidataOptions : Configuration.IValidatableOptions
{
    public const string SectionPath = "Monitor:Wikidata";

    /// <summary>SPARQL endpoint. Default the public Wikidata query service; any absolute http(s) URL.</summary>
    [Required]
    public Uri Endpoint { get; set; } = new("https://query.wikidata.org/sparql");

    /// <summary>
    /// An e-mail address or URL where the operator can be reached, sent in the User-Agent as the Wikimedia User-Agent
    /// policy asks. Required by the import; no default (empty counts as unset).
    /// </summary>
    public string? Contact { get; set; }

    /// <summary>Countries per query: smaller batches keep each query under the service's time limit. Default 20; 1 to 250.</summary>
    [Range(1, 250)]
    public int CountriesPerQuery { get; set; } = 20;

    /// <summary>Time one query may take (the public service stops queries at 60 s). Default 90 s; 5 s to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Largest answer read. Default 64 MiB; 64 KiB to 1 GiB.</summary>
    [Range(65_536, 1_073_741_824)]
    public int MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    public IEnumerable<string> Validate()
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{nameof(Endpoint)}: must be an absolute http or https URL.";
        }

        if (!string.IsNullOrWhiteSpace(Contact) && ContactProblem(Contact) is { } problem)
        {
            yield return $"{nameof(Contact)}: {problem}";
        }
    }

    /// <summary>Why a contact cannot go into a User-Agent comment, or null when it can.</summary>
    internal static string? ContactProblem(string contact)
    {
        var text = contact.Trim();
        // It sits inside "(...)" in the header: no controls, no parentheses, printable ASCII only.
        if (text.Any(c => c < 0x20 || c > 0x7e || c is '(' or ')' or '\\'))
        {
            return "may contain only printable ASCII characters other than parentheses and backslash.";
        }

        var isUrl = Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        var isMail = text.IndexOf('@') is > 0 and var at && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal);
        return isUrl || isMail ? null : "must be an e-mail address or an http(s) URL.";
    }
}
