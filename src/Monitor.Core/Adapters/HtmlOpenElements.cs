namespace Monitor.Core.Adapters;

/// <summary>
/// The token walk's stack of open elements, with the "in body" rules of tree construction (WHATWG HTML §13.2.6.4.7)
/// for the elements of <see cref="HtmlElementRoles"/>: the end tags a start tag implies, and the line breaks a block
/// adds when it opens and closes (where <see cref="HtmlDomText"/> adds them around the element). Whatever would make
/// the tree builder restructure — a misnested or stray end tag, a block inside an open paragraph's inline element, a
/// nested link — is refused, so the walk hands the fragment to the DOM.
/// </summary>
internal sealed class HtmlOpenElements(PlainTextBuilder builder)
{
    private const int MaxDepth = 256;

    private readonly List<(string Name, HtmlElementRole Role)> items = new(16);

    private string? Top => items.Count == 0 ? null : items[^1].Name;

    public bool TryStart(string name, HtmlElementRole role)
    {
        if (items.Count >= MaxDepth
            || (role & HtmlElementRole.ClosesParagraph) != 0 && !TryCloseForBlock(role)
            || (role & HtmlElementRole.Anchor) != 0 && Contains("a"))
        {
            return false; // (a nested <a> runs the adoption agency algorithm)
        }

        if ((role & HtmlElementRole.Void) != 0)
        {
            if ((role & HtmlElementRole.LineBreak) != 0)
            {
                builder.AppendLineBreak();
            }
            else if ((role & HtmlElementRole.Block) != 0)
            {
                builder.AppendLineBreak();
                builder.AppendLineBreak();
            }

            return true;
        }

        items.Add((name, role));
        if ((role & HtmlElementRole.Block) != 0)
        {
            builder.AppendLineBreak();
        }

        return true;
    }

    /// <summary>Closes the current element; false for an end tag that does not name it (the tree builder would repair around it).</summary>
    public bool TryEnd(string name)
    {
        if (Top != name)
        {
            return false;
        }

        Pop();
        return true;
    }

    /// <summary>The implied end tags of a block's start tag: an open <c>li</c> for <c>li</c>, an open <c>p</c>, a heading for a heading.</summary>
    private bool TryCloseForBlock(HtmlElementRole role)
    {
        if ((role & HtmlElementRole.ListItem) != 0)
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i].Name == "li")
                {
                    if (i != items.Count - 1)
                    {
                        return false;
                    }

                    Pop();
                    break;
                }

                if ((items[i].Role & HtmlElementRole.Special) != 0 && items[i].Name is not ("address" or "div" or "p"))
                {
                    break;
                }
            }
        }

        if (Contains("p"))
        {
            if (Top != "p")
            {
                return false;
            }

            Pop();
        }

        if ((role & HtmlElementRole.Heading) != 0 && items.Count > 0 && (items[^1].Role & HtmlElementRole.Heading) != 0)
        {
            Pop();
        }

        return true;
    }

    private bool Contains(string name)
    {
        foreach (var item in items)
        {
            if (item.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private void Pop()
    {
        if ((items[^1].Role & HtmlElementRole.Block) != 0)
        {
            builder.AppendLineBreak();
        }

        items.RemoveAt(items.Count - 1);
    }
}
