using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Activity.Network;
using Monitor.Core.Adapters;
using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Storage;

/// <summary>The entity reports' cheaper reads (no full account list) answer exactly as the reads they replace.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListTracked_SyncedAccounts_EqualsTheEnabledAccountsOfTheFullListInIdOrder()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var queries = host.Services.GetRequiredService<IEntityQueries>();

        var tracked = await queries.ListTrackedAsync(host.Accounts, Ct);

        var expected = (await host.Accounts.ListAccountsAsync(Ct)).Where(r => r.Account.Enabled)
            .OrderBy(r => r.Account.Id, StringComparer.Ordinal)
            .Select(r => new TrackedHandle(r.Account, r.State.Cursor.ExternalId)).ToArray();
        Assert.Equal(expected, tracked);
        Assert.DoesNotContain(tracked, t => t.Account.Id == "off");
        Assert.Equal("did:plc:amt", Assert.Single(tracked, t => t.Account.Id == "b2").ExternalId);
    }

    [Fact]
    public async Task MentionEdges_RecordedPosts_EqualTheCountsResolved()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var queries = host.Services.GetRequiredService<IEntityQueries>();
        var tracked = await queries.ListTrackedAsync(host.Accounts, Ct);

        var edges = await queries.QueryMentionEdgesAsync(January, tracked, Ct);

        Assert.Equal(MentionResolver.Resolve(tracked, await queries.QueryEntitiesAsync(January, [EntityType.Mention, EntityType.Repost], Ct)), edges);
        Assert.Contains(new MentionEdge("b1", "b2", 1, 0), edges); // by the platform's id, not the handle
    }

    [Theory]
    [InlineData(EntityGrouping.All)]
    [InlineData(EntityGrouping.Country)]
    [InlineData(EntityGrouping.Account)]
    public async Task EnabledEntityTotals_DisabledAccountsPosts_EqualTheTotalsOverTheEnabledList(EntityGrouping per)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var fra = Handle("m9", "mastodon", "@erin@social.example") with { Country = "FRA" };
        await host.Accounts.SyncAccountsAsync([.. NetworkAccounts, fra, Handle("m8", "mastodon", "@frank@social.example")], Start, Ct);
        await RecordAsync(host, "m9", Ok(Said("e1", 3, "#Climate #Paris https://example.org/x")), capturedAt: Start.AddDays(5));
        await RecordAsync(host, "m8", Ok(Said("f1", 3, "#climate #hidden https://example.org/x")), capturedAt: Start.AddDays(5));
        await host.Accounts.SyncAccountsAsync([.. NetworkAccounts, fra], Start.AddDays(6), Ct); // m8 disabled
        var enabled = (await host.Accounts.ListAccountsAsync(Ct)).Select(r => r.Account).Where(a => a.Enabled).ToArray();
        var queries = host.Services.GetRequiredService<IEntityQueries>();

        foreach (var type in new[] { EntityType.Hashtag, EntityType.Link })
        {
            var totals = await queries.QueryEnabledEntityTotalsAsync(January, type, per, host.Accounts, Ct);

            Assert.Equal(Sorted(await queries.QueryEntityTotalsAsync(January, type, per, enabled, Ct)), Sorted(totals));
            Assert.DoesNotContain(totals, t => t.Value == "hidden");
        }

        static EntityTotal[] Sorted(IEnumerable<EntityTotal> rows) =>
            rows.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task EntityQueries_NonAsciiAndLongValues_ComeBackUnchanged()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var longTag = new string('a', 300);
        await RecordAsync(host, "x2", Ok(Said("g1", 3, $"#Привет #日本語 #{longTag} 🙂", entities: new PostEntities { Hashtags = ["Привет", "日本語", longTag, "ελληνικά🙂"] })),
            capturedAt: Start.AddDays(5));
        var queries = host.Services.GetRequiredService<IEntityQueries>();

        var counts = (await queries.QueryEntitiesAsync(January, [EntityType.Hashtag], Ct)).Where(c => c.AccountId == "x2").Select(c => c.Value);
        var totals = (await queries.QueryEnabledEntityTotalsAsync(January, EntityType.Hashtag, EntityGrouping.Account, host.Accounts, Ct))
            .Where(t => t.Group == "x2").Select(t => t.Value);

        string[] expected = [longTag, "ελληνικά🙂", "привет", "日本語"];
        Assert.Equal(expected, counts.Order(StringComparer.Ordinal));
        Assert.Equal(expected, totals.Order(StringComparer.Ordinal));
    }
}
