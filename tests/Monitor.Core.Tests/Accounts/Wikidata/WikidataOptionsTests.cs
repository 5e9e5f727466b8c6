using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts.Wikidata;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts.Wikidata;

public sealed class WikidataOptionsTests
{
    [Theory]
    [InlineData("Monitor:Wikidata:Contact", "ops@example.org", null)]
    [InlineData("Monitor:Wikidata:Contact", "https://example.org/monitor", null)]
    [InlineData("Monitor:Wikidata:Contact", "nobody", "Monitor:Wikidata:Contact: must be an e-mail address or an http(s) URL.")]
    [InlineData("Monitor:Wikidata:Contact", "ops@example.org)\r\nX-Evil: 1",
        "Monitor:Wikidata:Contact: may contain only printable ASCII characters other than parentheses and backslash.")]
    [InlineData("Monitor:Wikidata:Endpoint", "/sparql", "Monitor:Wikidata:Endpoint: must be an absolute http or https URL.")]
    [InlineData("Monitor:Wikidata:Endpoint", "ftp://example.org/sparql", "Monitor:Wikidata:Endpoint: must be an absolute http or https URL.")]
    [InlineData("Monitor:Wikidata:CountriesPerQuery", "0", "Monitor:Wikidata:CountriesPerQuery: The field CountriesPerQuery must be between 1 and 250.")]
    public void Validate_Setting_NamesTheKeyWhenInvalid(string key, string value, string? expected)
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { [key] = value });

        var read = () => services.GetRequiredService<IOptions<WikidataOptions>>().Value;

        if (expected is null)
        {
            read();
        }
        else
        {
            Assert.Contains(expected, Assert.Throws<OptionsValidationException>(read).Failures);
        }
    }
}
