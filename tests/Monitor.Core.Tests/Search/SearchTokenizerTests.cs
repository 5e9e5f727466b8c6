using Monitor.Core.Search;

namespace Monitor.Core.Tests.Search;

public sealed class SearchTokenizerTests
{
    public static TheoryData<string, string, string[]> Scripts => new()
    {
        { "Latin", "Élysée Café, naïve STRASSE Straße Łódź Œuvre", ["elysee", "cafe", "naive", "strasse", "strasse", "lodz", "oeuvre"] },
        { "Latin with Vietnamese", "Bộ Ngoại giao Việt Nam", ["bo", "ngoai", "giao", "viet", "nam"] },
        { "Latin, combining marks", "Cafe\u0301 re\u0301sume\u0301", ["cafe", "resume"] },
        { "Cyrillic", "Министерство ИНОСТРАННЫХ дел, Ёлка й", ["министерство", "иностранных", "дел", "елка", "и"] },
        { "Greek", "Υπουργείο Εξωτερικών ΆΓΙΟΣ άγιος", ["υπουργειο", "εξωτερικων", "αγιοσ", "αγιοσ"] },
        { "Arabic", "وَزارةُ الخارجيّة أحمد الـخارجية", ["وزاره", "الخارجيه", "احمد", "الخارجيه"] },
        { "Hebrew", "מִשְׂרַד הַחוּץ, ישראל", ["משרד", "החוץ", "ישראל"] },
        { "Chinese", "外交部长", ["外交", "交部", "部长", "长"] },
        { "Japanese", "外務省です", ["外務", "務省", "省で", "です", "す"] },
        { "Korean", "외교부 장관", ["외교", "교부", "부", "장관", "관"] },
        { "Mixed", "G7 外交 summit, 2026", ["g7", "外交", "交", "summit", "2026"] },
        { "Separators", "e-mail: don't #G7 @FCDO https://x.test/a", ["e", "mail", "don", "t", "g7", "fcdo", "https", "x", "test", "a"] },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Tokenize_Indexing_FoldsEachScript(string script, string text, string[] expected)
    {
        Assert.NotEmpty(script);
        Assert.Equal(expected, SearchTokenizer.Tokenize(text, indexing: true).Select(t => t.Value));
    }

    [Fact]
    public void Tokenize_Query_LeavesOutTheLastCharacterOfACjkRun()
    {
        Assert.Equal(["外交", "交部", "部长"], SearchTokenizer.Tokenize("外交部长", indexing: false).Select(t => t.Value));
        Assert.Equal(["外"], SearchTokenizer.Tokenize("外", indexing: false).Select(t => t.Value));
    }

    [Fact]
    public void Tokenize_Offsets_PointAtTheOriginalText()
    {
        Assert.Equal(
            [new SearchToken("cafe", 0, 4), new SearchToken("resume", 5, 8), new SearchToken("外交", 14, 2), new SearchToken("交", 15, 1)],
            SearchTokenizer.Tokenize("Café re\u0301sume\u0301 外交", indexing: true));
    }

    [Fact]
    public void Tokenize_EveryAsciiCharacter_KeepsOnlyLettersAndDigitsFoldedToLowerCase()
    {
        var ascii = new string(Enumerable.Range(0, 128).Select(c => (char)c).ToArray());
        Assert.Equal(
            ["0123456789", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"],
            SearchTokenizer.Tokenize(ascii, indexing: true).Select(t => t.Value));
    }

    [Fact]
    public void ForPost_JoinsTitleAndTextWithALineBreak()
    {
        Assert.Equal("Title\nBody", SearchTokenizer.SearchableText("Title", "Body"));
        Assert.Equal("Body", SearchTokenizer.SearchableText(null, "Body"));
        Assert.Equal("title body", SearchTokenizer.Join(SearchTokenizer.ForPost("Title", "Body")));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void IndexText_IsTheTokensJoinedBySpaces(string script, string text, string[] expected)
    {
        Assert.NotEmpty(script);
        Assert.Equal(string.Join(' ', expected), SearchTokenizer.IndexText(null, text));
        Assert.Equal(string.Join(' ', ["title", .. expected]), SearchTokenizer.IndexText("Title", text));
    }

    [Fact]
    public void IndexText_RandomTextInEveryScript_EqualsJoinOfForPost()
    {
        // Letters, marks, CJK, digits and separators of every script above, in random runs.
        const string Alphabet = "aZ9 .-#@\n\tÉéßŁœ\u0301\u0640\u00ADйЁΆάσوَةאִ外交부ですー\u3000,";
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var title = round % 3 == 0 ? null : new string(chars, 0, chars.Length / 2);
            var text = new string(chars, chars.Length / 2, chars.Length - chars.Length / 2);
            Assert.Equal(SearchTokenizer.Join(SearchTokenizer.ForPost(title, text)), SearchTokenizer.IndexText(title, text));
        }
    }
}
