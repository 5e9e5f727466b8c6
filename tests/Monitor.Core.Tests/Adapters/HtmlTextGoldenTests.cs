using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters;

/// <summary>
/// <c>HtmlText.ToPlainText</c> turns every HTML-bearing string of the fixtures into exactly the text in the
/// <c>.html-text.json</c> beside the fixture. The files were written by the DOM-based implementation the tokenizer one
/// replaced, so they pin "today's text"; <c>HtmlText/fragments.json</c> adds the markup real feeds rarely carry
/// (misnesting, tables, raw-text elements, foreign content, stray end tags).
/// Regenerate with <c>MONITOR_WRITE_GOLDEN=/some/dir</c> and review the diff before copying the files back.
/// </summary>
public sealed class HtmlTextGoldenTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // fixture under Fixtures/, and for JSON the properties that carry HTML
        { "Feeds/govuk-fcdo.atom", [] },
        { "Feeds/govuk-fcdo-republished.atom", [] },
        { "Feeds/rss2-embassy.xml", [] },
        { "Feeds/rdf-ministry.rdf", [] },
        { "Feeds/jsonfeed-ministry.json", ["title", "content_html", "content_text", "summary"] },
        { "YouTube/feed.xml", [] },
        { "YouTube/uploads-page1.json", ["description"] },
        { "YouTube/uploads-page2.json", ["description"] },
        { "Mastodon/statuses-kinds.json", ["content", "spoiler_text"] },
        { "X/timeline-page1.json", ["text"] },
        { "X/timeline-page2.json", ["text"] },
        { "Telegram/channel-page.html", [] },
        { "HtmlText/fragments.json", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToPlainText_FixtureHtml_MatchesGoldenFile(string fixture, string[] jsonFields)
    {
        var samples = HtmlTextGolden.Collect(fixture, jsonFields);

        var actual = HtmlTextGolden.Render(samples.Select(s => new HtmlTextGolden.Rendered(s.At, HtmlText.ToPlainText(s.Html))));

        Assert.NotEmpty(samples);
        var golden = HtmlTextGolden.GoldenPath(fixture);
        if (Environment.GetEnvironmentVariable("MONITOR_WRITE_GOLDEN") is { Length: > 0 } dir)
        {
            var target = Path.Combine(dir, golden);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, actual);
        }

        Assert.Equal(Fixtures.ReadText(golden).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void ToPlainText_ManyThreadsAtOnce_GiveTheSameTextAsOneThread()
    {
        var samples = Cases.SelectMany(c => HtmlTextGolden.Collect(c.Data.Item1, c.Data.Item2)).Select(s => s.Html).ToArray();
        var expected = samples.Select(HtmlText.ToPlainText).ToArray();

        var mismatches = 0;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, round =>
        {
            for (var i = 0; i < samples.Length; i++)
            {
                var index = (i + round * 7) % samples.Length;
                if (HtmlText.ToPlainText(samples[index]) != expected[index])
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }
}
