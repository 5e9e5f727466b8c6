using Monitor.Core.Posts;

namespace Monitor.Core.Search;

/// <summary>One found post: the post, a plain-text snippet around its first match, and the matches in the snippet.</summary>
public sealed record SearchHit(StoredPost Post, string Snippet, IReadOnlyList<SearchHighlight> Highlights);

/// <summary>A match in a snippet: <see cref="Start"/> and <see cref="Length"/> in UTF-16 code units.</summary>
public readonly record struct SearchHighlight(int Start, int Length);
