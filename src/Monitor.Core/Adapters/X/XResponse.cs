namespace Monitor.Core.Adapters.X;

/// <summary>An X API call's value, or the poll result its failure ends the poll with.</summary>
internal sealed record XResponse<T>(T? Value, FetchResult? Failure)
    where T : class
{
    public static XResponse<T> Of(T value) => new(value, null);

    public static XResponse<T> Fail(FetchResult failure) => new(null, failure);
}
