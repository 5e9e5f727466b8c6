using System.Text;

namespace Monitor.Bench.Farm;

/// <summary>Deterministic, realistic-looking post text: a title and an HTML body of a few hundred bytes.</summary>
internal static class FarmText
{
    private static readonly string[] Words =
    [
        "minister", "embassy", "bilateral", "talks", "cooperation", "agreement", "delegation", "visit", "summit",
        "statement", "security", "trade", "climate", "partnership", "ambassador", "consulate", "relations", "joint",
        "declaration", "sanctions", "humanitarian", "aid", "forum", "council", "foreign", "affairs", "press", "briefing",
        "development", "energy", "regional", "stability", "dialogue", "culture", "students", "exchange", "investment",
    ];

    public static string Title(int index, int entry)
    {
        var builder = new StringBuilder(80);
        AppendWords(builder, index * 31 + entry * 7, 6 + (entry % 5));
        builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.ToString();
    }

    /// <summary>Two or three paragraphs with a link and emphasis, 400–900 bytes, as feeds carry in content:encoded.</summary>
    public static string Html(int index, int entry)
    {
        var builder = new StringBuilder(1024);
        var seed = index * 131 + entry * 17;
        var paragraphs = 2 + (entry % 2);
        for (var p = 0; p < paragraphs; p++)
        {
            builder.Append("<p>");
            AppendWords(builder, seed + p * 53, 18 + ((seed + p) % 20));
            builder.Append(" <a href=\"https://news.farm.test/").Append(index).Append('/').Append(entry)
                .Append("\">more</a> &amp; <strong>");
            AppendWords(builder, seed + p * 11, 3);
            builder.Append("</strong>.</p>");
        }

        return builder.ToString();
    }

    public static string Plain(int index, int entry)
    {
        var builder = new StringBuilder(300);
        AppendWords(builder, index * 131 + entry * 17, 30 + (entry % 10));
        return builder.ToString();
    }

    private static void AppendWords(StringBuilder builder, int seed, int count)
    {
        var state = (uint)seed * 2654435761u;
        for (var i = 0; i < count; i++)
        {
            state = state * 1664525u + 1013904223u;
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Words[(state >> 8) % (uint)Words.Length]);
        }
    }
}
