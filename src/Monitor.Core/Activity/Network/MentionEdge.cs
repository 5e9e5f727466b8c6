namespace Monitor.Core.Activity.Network;

/// <summary>
/// A weighted edge of the mentions network: posts of <paramref name="From"/> in the window mentioning
/// <paramref name="To"/>, and reposts by <paramref name="From"/> of posts by <paramref name="To"/>; weight = both.
/// </summary>
public sealed record MentionEdge(string From, string To, long Mentions, long Reposts)
{
    public long Weight => Mentions + Reposts;
}
