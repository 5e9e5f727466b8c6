using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Worker.Hosting;
using Monitor.Core.Activity.Study;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>report activity|presence|leaderboard|dormant|engagement|languages --from DATE --to DATE --format table|csv|json [--output FILE] [--wide]</c>,
/// leaderboard with <c>--by postsPerDay|followers|followerGrowth [--platform P] [--actor A] [--top N]</c>, engagement with
/// <c>[--platform P] [--actor A] [--top N]</c>, languages with <c>--per account|country [--platform P] [--actor A]</c>,
/// presence with <c>--active-only</c>, <c>report mentions|hashtags|links</c> (mentions also <c>--format graphml</c>;
/// hashtags and links <c>--top N --per all|account|country</c>), and <c>report study --format html|markdown|json</c>; reads only.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "activity, presence, leaderboard, dormant, engagement, mentions, hashtags, links, languages or study" }
            .Only(["activity", "presence", "leaderboard", "dormant", "engagement", .. EntityReportOptions.Names, "languages", "study"]);
        var from = DateArgument.From("First UTC day of the window (default: 29 days before --to).");
        var to = DateArgument.To("Last UTC day of the window, inclusive (default: today).");
        var format = new Option<string>("--format") { Description = "table (default), csv or json; study: html (default), markdown or json", DefaultValueFactory = _ => "table" }
            .Only("table", "csv", "json", "html", "markdown", "graphml");
        var activeOnly = new Option<bool>("--active-only") { Description = "presence and study: count only accounts that posted in the window" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var wide = new Option<bool>("--wide") { Description = "table: every column in full (default: fit 120 columns)." };
        var by = new Option<string>("--by") { Description = "leaderboard: postsPerDay (default), followers or followerGrowth", DefaultValueFactory = _ => "postsPerDay" }
            .Only("postsPerDay", "followers", "followerGrowth");
        var platform = new Option<string?>("--platform") { Description = "leaderboard/dormant/engagement/languages: only this platform" };
        var actor = new Option<string>("--actor") { Description = "leaderboard/dormant/engagement/languages: only this actor type" }.Only(Enum.GetNames<ActorType>());
        var per = EntityReportOptions.Per();
        var top = new Option<int>("--top") { Description = "leaderboard, hashtags, links: rows to show (per group); engagement: top posts (default 10)", DefaultValueFactory = _ => 10 };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--top must be at least 1.");
        });

        var command = new Command("report", "Activity reports over a window of UTC days (reads the store only; see README for the metric definitions).")
        {
            name, from, to, format, output, wide, by, platform, actor, top, activeOnly, per,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) =>
        {
            if (DateArgument.CheckOrder(parseResult, from, to) is { } windowError)
            {
                context.Error.WriteLine(windowError);
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            if ((EntityReportOptions.CheckFormat(parseResult.GetValue(name)!, parseResult.GetValue(format)!)
                    ?? EntityReportOptions.CheckPer(parseResult.GetValue(name)!, parseResult.GetValue(per))) is { } formatError)
            {
                context.Error.WriteLine(formatError);
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            return CommandHost.RunAsync(parseResult, context, async (services, ct) =>
            {
                var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                var last = parseResult.GetValue(to) is { } end ? DateOnly.FromDateTime(end.UtcDateTime.AddTicks(-1)) : today;
                var first = parseResult.GetValue(from) is { } start ? DateOnly.FromDateTime(start.UtcDateTime) : last.AddDays(-29);
                if (first > last)
                {
                    await context.Error.WriteLineAsync($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}: the window is empty.");
                    return ExitCodes.StartupFailed;
                }

                if (parseResult.GetValue(name) == "study")
                {
                    return await WriteStudyAsync(services, context, new ActivityWindow(first, last), parseResult.GetValue(format)!,
                        parseResult.GetValue(activeOnly), parseResult.GetValue(output), ct);
                }

                if (parseResult.GetValue(format) is "html" or "markdown")
                {
                    await context.Error.WriteLineAsync($"--format {parseResult.GetValue(format)} is for the study; {parseResult.GetValue(name)} takes table, csv or json.");
                    return ExitCodes.StartupFailed;
                }

                ReportRequest.TryParseName<ReportKind>(parseResult.GetValue(name), out var kind);
                ReportRequest.TryParseName<ReportFormat>(parseResult.GetValue(format), out var reportFormat);
                ReportRequest.TryParseName<LeaderboardMetric>(parseResult.GetValue(by), out var metric);
                var request = new ReportRequest(kind, new ActivityWindow(first, last), reportFormat)
                {
                    By = metric,
                    LanguagesPer = parseResult.GetValue(per) == "country" ? Core.Activity.Languages.LanguageGrouping.Country : Core.Activity.Languages.LanguageGrouping.Account,
                    Platform = parseResult.GetValue(platform) is { } p ? Platforms.Normalize(p) : null,
                    Actor = parseResult.GetValue(actor) is { } a ? Enum.Parse<ActorType>(a, ignoreCase: true) : null,
                    Top = parseResult.GetValue(top),
                    Wide = parseResult.GetValue(wide),
                    ActiveOnly = parseResult.GetValue(activeOnly),
                    Per = EntityReportOptions.Grouping(parseResult.GetValue(per)),
                };

                var file = parseResult.GetValue(output);
                StreamWriter? fileWriter = null;
                if (file is not null && (fileWriter = OutputFile.TryCreate(file, out var fileError)) is null)
                {
                    await context.Error.WriteLineAsync(fileError);
                    return ExitCodes.StartupFailed;
                }

                await using (fileWriter)
                {
                    var target = (TextWriter?)fileWriter ?? context.Output;
                    await (EntityReportOptions.IsEntityReport(kind)
                        ? services.GetRequiredService<Monitor.Core.Activity.Network.EntityReportService>().WriteAsync(request, target, ct)
                        : services.GetRequiredService<ActivityReportService>().WriteAsync(request, target, ct));
                }

                if (file is not null)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Wrote the {parseResult.GetValue(name)} report for {first:yyyy-MM-dd}..{last:yyyy-MM-dd} to {file.FullName}."));
                }

                return ExitCodes.Success;
            }, HostMode.ReadOnlyCommand);
        });
        return command;
    }

    /// <summary><c>report study</c>: html unless markdown or json is asked for (the report formats table and csv do not apply).</summary>
    private static async Task<int> WriteStudyAsync(
        IServiceProvider services, CliContext context, ActivityWindow window, string format, bool activeOnly, FileInfo? file, CancellationToken ct)
    {
        if (format is "csv" or "graphml")
        {
            await context.Error.WriteLineAsync($"--format {format} is not a study format; use html (default), markdown or json.");
            return ExitCodes.StartupFailed;
        }

        var studyFormat = format switch { "markdown" => StudyFormat.Markdown, "json" => StudyFormat.Json, _ => StudyFormat.Html };
        var study = services.GetRequiredService<StudyService>();
        var report = await study.GetStudyAsync(window, activeOnly, ct);
        StreamWriter? fileWriter = null;
        if (file is not null && (fileWriter = OutputFile.TryCreate(file, out var fileError)) is null)
        {
            await context.Error.WriteLineAsync(fileError);
            return ExitCodes.StartupFailed;
        }

        await using var writer = fileWriter;
        await study.WriteAsync(report, studyFormat, (TextWriter?)fileWriter ?? context.Output, ct);
        if (file is not null)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the study for {window.From:yyyy-MM-dd}..{window.To:yyyy-MM-dd} to {file.FullName}."));
        }

        return ExitCodes.Success;
    }
}
