using Monitor.Core.Search;

namespace Monitor.Core.Tests.Search;

public sealed class SearchQueryTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "Paris", "Word(paris)" },
        { "paris climate", "Word(paris) & Word(climate)" },
        { "\"Climate Fund\"", "Phrase(climate fund)" },
        { "\"Paris\"", "Word(paris)" },
        { "diplom*", "Prefix(diplom)" },
        { "paris OR berlin rome", "Word(paris)|Word(berlin) & Word(rome)" },
        { "paris -sport -\"world cup\" -foot*", "Word(paris) - Word(sport) - Phrase(world cup) - Prefix(foot)" },
        { "e-mail", "Phrase(e mail)" },
        { "外交部", "Phrase(外交 交部)" },
        { "外", "Prefix(外)" },
        { "\"-x y\"", "Phrase(x y)" },
        { "or", "Word(or)" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidQuery_GivesItsTerms(string query, string expected)
    {
        var parsed = SearchQuery.Parse(query);

        var groups = string.Join(" & ", parsed.Groups.Select(g => string.Join("|", g.Select(Describe))));
        Assert.Equal(expected, groups + string.Concat(parsed.Excluded.Select(t => " - " + Describe(t))));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "The query is empty: give at least one word to search for." },
        { "   ", "The query is empty: give at least one word to search for." },
        { "-paris", "The query only excludes: give at least one word that must match." },
        { "\"climate fund", "A phrase is not closed: add the ending quote (\") after \"climate fund." },
        { "OR paris", "'OR' needs a term on each side (query: OR paris)." },
        { "paris OR", "'OR' needs a term on each side (query: paris OR)." },
        { "paris OR OR rome", "'OR' needs a term on each side (query: paris OR OR rome)." },
        { "paris OR -rome", "An excluded term cannot be part of an OR: '-rome'." },
        { "pa*ris", "'*' may only end a word, as in diplom*: 'pa*ris'." },
        { "*", "'*' has no letters or digits to search for." },
        { "!!!", "'!!!' has no letters or digits to search for." },
        { "e-ma*", "A prefix must be one word: 'e-ma*'." },
        { "paris -", "'-' must be followed by the word to exclude, as in -sport." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedQuery_ThrowsOneClearMessage(string query, string message)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(query));

        Assert.Equal(message, error.Message);
    }

    private static string Describe(SearchTerm term) => $"{term.Kind}({string.Join(' ', term.Tokens)})";
}
