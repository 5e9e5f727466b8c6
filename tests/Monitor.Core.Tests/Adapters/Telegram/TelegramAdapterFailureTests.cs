using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Telegram;

public sealed class TelegramAdapterFailureTests
{
    [Fact]
    public async Task FetchAsync_RedirectToContactPage_IsNotFound()
    {
        await using var host = await TelegramTestHost.StartAsync(context =>
        {
            if (context.Request.Path.Value == "/s/nosuchchannel")
            {
                context.Response.Redirect("/nosuchchannel");
                return Task.CompletedTask;
            }

            return TelegramTestHost.Html(context, Fixtures.ReadText("Telegram/contact-page.html"));
        });

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request("https://t.me/nosuchchannel"), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Contains("'nosuchchannel'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ContactPageServedUnderPreviewPath_IsNotFound()
    {
        await using var host = await TelegramTestHost.StartAsync(context =>
            TelegramTestHost.Html(context, Fixtures.ReadText("Telegram/contact-page.html")));

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request("nosuchchannel"), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_ChangedLayout_ThrowsNamingTheMissingContainer()
    {
        await using var host = await TelegramTestHost.StartAsync(context =>
            TelegramTestHost.Html(context, Fixtures.ReadText("Telegram/changed-layout.html")));

        var error = await Assert.ThrowsAsync<PayloadFormatException>(() =>
            host.Adapter.FetchAsync(TelegramTestHost.Request(), TestContext.Current.CancellationToken));

        Assert.Contains("'.tgme_channel_history'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MessageWithoutDate_ThrowsNamingTheMissingSelector()
    {
        var html = Fixtures.ReadText("Telegram/channel-page.html")
            .Replace("<time datetime=\"2026-11-19T11:00:00+00:00\" class=\"time\">11:00</time>", "11:00", StringComparison.Ordinal);
        await using var host = await TelegramTestHost.StartAsync(context => TelegramTestHost.Html(context, html));

        var error = await Assert.ThrowsAsync<PayloadFormatException>(() =>
            host.Adapter.FetchAsync(TelegramTestHost.Request(position: "1205"), TestContext.Current.CancellationToken));

        Assert.Contains("mfa_example/1203", error.Message, StringComparison.Ordinal);
        Assert.Contains("'.tgme_widget_message_date time[datetime]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithoutRetryAfter_IsRateLimitedAfterOneRequest()
    {
        await using var host = await TelegramTestHost.StartAsync(context => TelegramTestHost.Html(context, "Too Many Requests", 429));

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(15), result.RetryAfter);
        Assert.True(result.PlatformWide);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithLongRetryAfter_WaitsAsAskedAfterOneRequest()
    {
        await using var host = await TelegramTestHost.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return TelegramTestHost.Html(context, "Too Many Requests", 429);
        });

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(host.Time.GetUtcNow().AddHours(1), result.RetryAfter);
        Assert.Single(host.Server.Requests);
    }
}
