namespace Monitor.Core.Polling.Budgets;

/// <summary>
/// Adds each request's cost to the running poll's <see cref="RequestMeter"/>. It sits under the resilience handler,
/// so every retry is counted, as the platform counts it; a request outside a poll (<c>accounts verify</c>) is not charged.
/// </summary>
internal sealed class RequestMeterHandler(Func<Uri, int> cost) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RequestMeter.Current is { } meter && request.RequestUri is { } uri)
        {
            meter.Add(cost(uri));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
