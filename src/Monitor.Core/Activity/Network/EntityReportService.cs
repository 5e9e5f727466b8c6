using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study;
using Monitor.Core.Diagnostics;
using Monitor.Core.Entities;
using Monitor.Core.Storage;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// <c>report mentions|hashtags|links</c> over the enabled tracked accounts, and the study's mentions network
/// (<see cref="IMentionsQueries"/>: an edge's mentions there are its weight, mentions plus reposts).
/// </summary>
public sealed class EntityReportService(IEntityQueries entities, IAccountStore accounts, TimeProvider time, ILogger<EntityReportService> logger) : IMentionsQueries
{
    public async Task<MentionsReport> GetMentionsAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tracked = await entities.ListTrackedAsync(accounts, cancellationToken);
        var edges = await entities.QueryMentionEdgesAsync(window, tracked, cancellationToken);
        var report = MentionsNetworkBuilder.Build(window, tracked.Select(t => t.Account).ToArray(), edges);
        Log.EntitiesQueried(logger, "mentions", edges.Count, window.From, window.To, time.GetElapsedTime(started));
        return report;
    }

    /// <summary>The top <see cref="ReportRequest.Top"/> hashtags or links per <see cref="ReportRequest.Per"/> group.</summary>
    public async Task<EntityReport> GetTopAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var type = request.Kind == ReportKind.Links ? EntityType.Link : EntityType.Hashtag;
        var started = time.GetTimestamp();
        var totals = await entities.QueryEnabledEntityTotalsAsync(request.Window, type, request.Per, accounts, cancellationToken);
        var rows = EntityRankingBuilder.Rank(totals, request.Top);
        Log.EntitiesQueried(logger, type.ToWireName(), totals.Count, request.Window.From, request.Window.To, time.GetElapsedTime(started));
        return new EntityReport(type.ToWireName(), request.Per.ToString().ToLowerInvariant(), request.Window.From, request.Window.To, rows);
    }

    public async Task<IReadOnlyList<MentionCount>> QueryMentionsAsync(ActivityWindow window, CancellationToken cancellationToken) =>
        (await GetMentionsAsync(window, cancellationToken)).Edges.Select(e => new MentionCount(e.From, e.To, e.Weight)).ToArray();

    /// <summary>Writes the requested entity report; GraphML only for mentions (the CLI refuses it for the others).</summary>
    public async Task WriteAsync(ReportRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        if (request.Kind == ReportKind.Mentions)
        {
            var network = await GetMentionsAsync(request.Window, cancellationToken);
            switch (request.Format)
            {
                case ReportFormat.Graphml:
                    await GraphmlWriter.WriteAsync(network, output, cancellationToken);
                    return;
                case ReportFormat.Json:
                    await output.WriteLineAsync(JsonSerializer.Serialize(network, NetworkJsonContext.Readable.MentionsReport).AsMemory(), cancellationToken);
                    return;
                case ReportFormat.Csv:
                    await CsvReportWriter.WriteAsync(NetworkTables.Edges(network), output, cancellationToken);
                    return;
                default:
                    await TableReportWriter.WriteAsync(NetworkTables.Accounts(network), output, request.Wide, cancellationToken);
                    await output.WriteLineAsync();
                    await TableReportWriter.WriteAsync(NetworkTables.Edges(network), output, request.Wide, cancellationToken);
                    return;
            }
        }

        var top = await GetTopAsync(request, cancellationToken);
        switch (request.Format)
        {
            case ReportFormat.Json:
                await output.WriteLineAsync(JsonSerializer.Serialize(top, NetworkJsonContext.Readable.EntityReport).AsMemory(), cancellationToken);
                return;
            case ReportFormat.Csv:
                await CsvReportWriter.WriteAsync(NetworkTables.Top(top), output, cancellationToken);
                return;
            default:
                await TableReportWriter.WriteAsync(NetworkTables.Top(top), output, request.Wide, cancellationToken);
                return;
        }
    }
}
