using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Export;
using Monitor.Core.Posts;
using Monitor.Core.Search;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>search QUERY [--account ID] [--platform P] [--country ISO3] [--actor A] [--language L] [--kind K] [--from] [--to]
/// [--limit N] [--format table|jsonl|csv]</c>: full-text search of the stored posts, newest first; reads only.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("query") { Description = "words (all must match), \"exact phrase\", prefix*, a OR b, -excluded" };
        var account = new Option<string?>("--account") { Description = "Only this account id." };
        var platform = new Option<string?>("--platform") { Description = "Only this platform." };
        var country = new Option<string?>("--country") { Description = "Only accounts of this country (ISO 3166-1 alpha-3)." };
        var actor = new Option<string>("--actor") { Description = "Only accounts of this actor type." }.Only(Enum.GetNames<ActorType>());
        var language = new Option<string?>("--language") { Description = "Only posts in this language (as stored, e.g. en)." };
        var kind = new Option<string>("--kind") { Description = "Only posts of this kind." }.Only("post", "reply", "repost", "quote");
        var from = DateArgument.From("Published from this date/time (UTC), inclusive.");
        var to = DateArgument.To("Published up to this date (whole day, inclusive) or time (exclusive).");
        var limit = new Option<int>("--limit") { Description = $"Most hits to show (default {SearchRequest.DefaultLimit}).", DefaultValueFactory = _ => SearchRequest.DefaultLimit };
        var format = new Option<string>("--format") { Description = "table (default), jsonl or csv", DefaultValueFactory = _ => "table" }.Only("table", "jsonl", "csv");
        var command = new Command("search", "Search the stored posts' titles and text, newest first (reads the store only).")
        {
            query, account, platform, country, actor, language, kind, from, to, limit, format,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) =>
        {
            if (DateArgument.CheckOrder(parseResult, from, to) is { } windowError)
            {
                context.Error.WriteLine(windowError);
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            if (parseResult.GetValue(limit) is < 1 or > 10_000)
            {
                context.Error.WriteLine($"--limit must be between 1 and 10000 (got {parseResult.GetValue(limit)}).");
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            SearchQuery parsed;
            try
            {
                parsed = SearchQuery.Parse(parseResult.GetValue(query) ?? string.Empty);
            }
            catch (SearchQueryException ex)
            {
                context.Error.WriteLine($"Invalid query: {ex.Message}");
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            var request = new SearchRequest(parsed, parseResult.GetValue(limit))
            {
                AccountId = parseResult.GetValue(account),
                Platform = parseResult.GetValue(platform),
                Country = parseResult.GetValue(country)?.ToUpperInvariant(),
                Actor = parseResult.GetValue(actor) is { } a ? Enum.Parse<ActorType>(a) : null,
                Language = parseResult.GetValue(language),
                Kind = parseResult.GetValue(kind) is { } k ? PostKindNames.Parse(k) : null,
                From = parseResult.GetValue(from),
                To = parseResult.GetValue(to),
            };
            return CommandHost.RunAsync(parseResult, context, async (services, ct) =>
            {
                var hits = await services.GetRequiredService<IPostSearch>().SearchAsync(request, ct);
                switch (parseResult.GetValue(format))
                {
                    case "jsonl":
                        await SearchHitWriter.WriteJsonLinesAsync(hits, context.Output, ct);
                        break;
                    case "csv":
                        await SearchHitWriter.WriteCsvAsync(hits, context.Output, ct);
                        break;
                    default:
                        var bold = TerminalBold.Allowed(context.OutputIsTerminal, Environment.GetEnvironmentVariable("NO_COLOR"));
                        TextTable.Write(context.Output, ["published", "account", "kind", new TextColumn("snippet", Shrinks: true)],
                            hits.Select(h => (IReadOnlyList<string?>)
                                [h.Post.Post.PublishedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), h.Post.AccountId,
                                    h.Post.Post.Kind.ToWireName(), h.Snippet]),
                            style: bold ? (row, column, shown) => column == 3 ? TerminalBold.Mark(hits[row].Snippet, shown, hits[row].Highlights) : shown : null);
                        await context.Error.WriteLineAsync($"{hits.Count} hit{(hits.Count == 1 ? string.Empty : "s")}.");
                        break;
                }

                return ExitCodes.Success;
            }, HostMode.ReadOnlyCommand);
        });
        return command;
    }
}
