using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Languages;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Languages;

public sealed class PostLanguageDetectorTests
{
    private static readonly PostLanguageDetector Detector = new(Options.Create(new LanguageOptions()));

    public static TheoryData<string, string> Texts => new()
    {
        { "en", "The Minister met her counterpart today to discuss cooperation on climate finance and regional security." },
        { "fr", "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération en matière de sécurité régionale." },
        { "es", "El canciller se reunió hoy con su homólogo para conversar sobre la cooperación económica." },
        { "ar", "استقبل وزير الخارجية اليوم نظيره لبحث سبل تعزيز التعاون الثنائي في المجالات الاقتصادية والأمنية." },
        { "ru", "Министр иностранных дел провёл переговоры со своим коллегой, обсудив вопросы двустороннего сотрудничества." },
        { "zh", "外交部长今天会见了来访的外国同行，双方就双边关系和共同关心的国际地区问题深入交换了意见。" },
        { "de", "Die Außenministerin hat heute ihren Amtskollegen empfangen, um über die Zusammenarbeit zu sprechen." },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Detect_PostLengthText_GivesItsIsoCode(string expected, string text)
    {
        Assert.Equal(expected, Detector.Detect(null, text));
    }

    [Theory]
    [InlineData("OK")]
    [InlineData("👍🇫🇷")]
    [InlineData("#UNGA80 @fcdo")]
    [InlineData("https://example.org/news/123")]
    [InlineData("2026 — 15:30")]
    [InlineData("")]
    public void Detect_NothingToDecideOn_StaysUnknown(string text)
    {
        Assert.Null(Detector.Detect(null, text));
    }

    [Fact]
    public void Detect_LanguageOutsideTheConfiguredSet_IsNeverReported()
    {
        var narrow = new PostLanguageDetector(Options.Create(new LanguageOptions { Detect = ["en", "de"] }));

        var detected = narrow.Detect(null, "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération en matière de sécurité régionale.");

        Assert.NotEqual("fr", detected);
    }

    [Fact]
    public void Sample_LinksHandlesAndHashtags_AreLeftOutAndTheTitleJoinsTheText()
    {
        Assert.Equal("Visite officielle\nLe ministre     est arrivé.", PostLanguageDetector.Sample("Visite officielle", "Le ministre @fcdo #G20 est arrivé. https://t.co/x"));
        Assert.Equal("Visite officielle à Rome", PostLanguageDetector.Sample("Visite officielle", "Visite officielle à Rome"));
        Assert.Null(PostLanguageDetector.Sample(null, "https://example.org @a@b.social"));
        Assert.Equal(PostLanguageDetector.SampleLength, PostLanguageDetector.Sample(null, new string('a', 5000))!.Length);
    }

    [Fact]
    public void Apply_PostsWithoutLanguage_GetTheDetectedOneMarkedAsDetected()
    {
        var french = Post("1", "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération régionale.");
        var given = Post("2", "Le ministre a reçu aujourd'hui son homologue.") with { Language = "en-GB" };
        var shortText = Post("3", "OK");
        var alreadyStored = Post("4", "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération régionale.");

        var result = Detector.Apply([french, given, shortText, alreadyStored], [new KnownPost("4", alreadyStored.PublishedAt)]);

        Assert.Equal(("fr", true), (result[0].Language, result[0].LanguageDetected));
        Assert.Same(given, result[1]);
        Assert.Same(shortText, result[2]);
        Assert.Same(alreadyStored, result[3]);
    }

    [Fact]
    public void Apply_DetectionOff_ReturnsTheSameList()
    {
        var off = new PostLanguageDetector(Options.Create(new LanguageOptions { DetectionEnabled = false }));
        IReadOnlyList<Post> posts = [Post("1", "The Minister met her counterpart today to discuss cooperation on climate finance.")];

        Assert.False(off.Enabled);
        Assert.Same(posts, off.Apply(posts, []));
        Assert.Null(off.Detect(null, posts[0].Text));
    }

    private static Post Post(string id, string text) => new() { PostId = id, PublishedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), Text = text };
}
