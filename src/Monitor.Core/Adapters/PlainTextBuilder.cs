using System.Buffers;
using System.Text;

namespace Monitor.Core.Adapters;

/// <summary>
/// Collects the visible text of HTML as it is walked and collapses its whitespace on the way: a run of spaces becomes
/// one space, one line break stays one, two or more become a blank line, and leading and trailing whitespace is dropped.
/// </summary>
internal sealed class PlainTextBuilder(int capacity)
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private readonly StringBuilder builder = new(capacity);
    private bool pendingSpace;
    private int pendingNewlines;

    public int Length => builder.Length;

    public void Append(string text) => Append(text.AsSpan());

    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(WhiteSpace);
            var word = space < 0 ? text : text[..space];
            if (!word.IsEmpty)
            {
                FlushPending();
                builder.Append(word);
            }

            if (space < 0)
            {
                return;
            }

            AppendWhiteSpace(text[space]);
            text = text[(space + 1)..];
        }
    }

    public void Append(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            AppendWhiteSpace(c);
            return;
        }

        FlushPending();
        builder.Append(c);
    }

    public void AppendLineBreak() => AppendWhiteSpace('\n');

    public override string ToString() => builder.ToString();

    private void AppendWhiteSpace(char c)
    {
        if (c == '\n')
        {
            pendingNewlines++;
            pendingSpace = false;
        }
        else
        {
            pendingSpace = pendingNewlines == 0;
        }
    }

    private void FlushPending()
    {
        if (builder.Length > 0)
        {
            if (pendingNewlines > 0) builder.Append(pendingNewlines > 1 ? "\n\n" : "\n");
            else if (pendingSpace) builder.Append(' ');
        }

        pendingNewlines = 0;
        pendingSpace = false;
    }
}
