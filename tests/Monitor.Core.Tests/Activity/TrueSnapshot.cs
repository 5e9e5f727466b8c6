namespace Monitor.Core.Tests.Activity;

/// <summary>What a poll at <see cref="CapturedAt"/> should have recorded: the platform's counts at that moment, when it gives them.</summary>
internal sealed record TrueSnapshot(string AccountId, DateTimeOffset CapturedAt, long? Followers, long? PostsTotal);
