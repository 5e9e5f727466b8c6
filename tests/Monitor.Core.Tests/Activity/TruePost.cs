using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>A post as it really happened on the platform.</summary>
internal sealed record TruePost(string AccountId, string PostId, DateTimeOffset PublishedAt, PostKind Kind);
