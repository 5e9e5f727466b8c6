namespace Monitor.Core.Adapters.YouTube;

/// <summary>A YouTube call's value, or the poll result its failure ends the poll with.</summary>
internal sealed record YouTubeResponse<T>(T? Value, FetchResult? Failure)
    where T : class
{
    public static YouTubeResponse<T> Of(T value) => new(value, null);

    public static YouTubeResponse<T> Fail(FetchResult failure) => new(null, failure);
}
