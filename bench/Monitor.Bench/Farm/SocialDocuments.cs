using System.Globalization;
using System.Text.Json;

namespace Monitor.Bench.Farm;

/// <summary>Mastodon REST and Bluesky XRPC JSON for the farm's social accounts (only the fields Monitor reads, and a few more).</summary>
internal static class SocialDocuments
{
    public static byte[] MastodonAccount(int index) => Write(json => WriteMastodonAccount(json, index));

    /// <summary>Statuses newest first; <c>max_id</c> pages back, <c>min_id</c> returns the page just newer than the id.</summary>
    public static byte[] MastodonStatuses(int index, int limit, long? maxId, long? minId)
    {
        var entries = Enumerable.Range(0, FarmAccounts.EntriesPerAccount)
            .Where(e => (maxId is null || FarmAccounts.MastodonId(index, e) < maxId) && (minId is null || FarmAccounts.MastodonId(index, e) > minId))
            .ToList();
        var page = minId is null ? entries.Take(limit) : entries.TakeLast(limit);
        return Write(json =>
        {
            json.WriteStartArray();
            foreach (var e in page)
            {
                WriteMastodonStatus(json, index, e);
            }

            json.WriteEndArray();
        });
    }

    public static byte[] MastodonStatus(int index, int entry) => Write(json => WriteMastodonStatus(json, index, entry));

    public static byte[] BlueskyProfile(int index) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("did", Did(index));
        json.WriteString("handle", $"acct{index}.farm.test");
        json.WriteString("displayName", $"Foreign ministry {index}");
        json.WriteNumber("followersCount", 10_000 + index);
        json.WriteNumber("followsCount", 120);
        json.WriteNumber("postsCount", 4_000 + index);
        json.WriteEndObject();
    });

    /// <summary>The whole author feed on one page (50 posts, under the page size of 100), so no cursor.</summary>
    public static byte[] BlueskyAuthorFeed(int index) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("feed");
        for (var e = 0; e < FarmAccounts.EntriesPerAccount; e++)
        {
            json.WriteStartObject();
            json.WritePropertyName("post");
            WriteBlueskyPost(json, index, e);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>getPosts: every requested URI of the farm still exists.</summary>
    public static byte[] BlueskyPosts(IEnumerable<string> uris) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("posts");
        foreach (var uri in uris)
        {
            if (TryParsePostUri(uri, out var index, out var entry))
            {
                WriteBlueskyPost(json, index, entry);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string Did(int index) => $"did:plc:farm{index}";

    public static bool TryParseDid(string? actor, out int index)
    {
        index = -1;
        return actor is not null && actor.StartsWith("did:plc:farm", StringComparison.Ordinal)
            && int.TryParse(actor.AsSpan("did:plc:farm".Length), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static void WriteMastodonAccount(Utf8JsonWriter json, int index)
    {
        json.WriteStartObject();
        json.WriteString("id", index.ToString(CultureInfo.InvariantCulture));
        json.WriteString("username", $"user{index}");
        json.WriteString("acct", $"user{index}");
        json.WriteString("display_name", $"Embassy {index}");
        json.WriteNumber("followers_count", 5_000 + index);
        json.WriteNumber("following_count", 80);
        json.WriteNumber("statuses_count", 2_000 + index);
        json.WriteEndObject();
    }

    private static void WriteMastodonStatus(Utf8JsonWriter json, int index, int entry)
    {
        var id = FarmAccounts.MastodonId(index, entry).ToString(CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("created_at", FarmAccounts.Published(index, entry));
        json.WriteNull("in_reply_to_id");
        json.WriteString("uri", $"https://social.farm.test/users/user{index}/statuses/{id}");
        json.WriteString("url", $"https://social.farm.test/@user{index}/{id}");
        json.WriteString("content", FarmText.Html(index, entry));
        json.WriteString("language", "en");
        json.WriteNumber("replies_count", entry % 7);
        json.WriteNumber("reblogs_count", entry % 11);
        json.WriteNumber("favourites_count", entry % 23);
        json.WritePropertyName("account");
        WriteMastodonAccount(json, index);
        json.WriteEndObject();
    }

    private static void WriteBlueskyPost(Utf8JsonWriter json, int index, int entry)
    {
        json.WriteStartObject();
        json.WriteString("uri", PostUri(index, entry));
        json.WriteString("cid", $"bafyfarm{index}x{entry}");
        json.WriteStartObject("author");
        json.WriteString("did", Did(index));
        json.WriteString("handle", $"acct{index}.farm.test");
        json.WriteEndObject();
        json.WriteStartObject("record");
        json.WriteString("$type", "app.bsky.feed.post");
        json.WriteString("text", FarmText.Plain(index, entry));
        json.WriteString("createdAt", FarmAccounts.Published(index, entry));
        json.WriteStartArray("langs");
        json.WriteStringValue("en");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("replyCount", entry % 5);
        json.WriteNumber("repostCount", entry % 9);
        json.WriteNumber("likeCount", entry % 31);
        json.WriteNumber("quoteCount", 0);
        json.WriteString("indexedAt", FarmAccounts.Published(index, entry));
        json.WriteEndObject();
    }

    private static string PostUri(int index, int entry) => $"at://{Did(index)}/app.bsky.feed.post/3farm{entry:D3}";

    private static bool TryParsePostUri(string uri, out int index, out int entry)
    {
        index = entry = -1;
        var parts = uri.Split('/');
        return parts.Length == 5 && TryParseDid(parts[2], out index) && parts[4].StartsWith("3farm", StringComparison.Ordinal)
            && int.TryParse(parts[4].AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out entry);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }
}
