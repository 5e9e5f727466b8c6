using System.Text.Json.Serialization;
using Monitor.Core.Activity.Reports;
using Monitor.Worker.Web.Api;

namespace Monitor.Worker.Web;

/// <summary>The JSON of the API's own shapes: camelCase, instants as ISO 8601 UTC, like the reports.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(UtcInstantJsonConverter)])]
[JsonSerializable(typeof(IReadOnlyList<AccountSummary>))]
[JsonSerializable(typeof(AccountActivityResponse))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(AccountSummary))]
[JsonSerializable(typeof(IReadOnlyList<PostSummary>))]
[JsonSerializable(typeof(IReadOnlyList<PostVersionSummary>))]
[JsonSerializable(typeof(IReadOnlyList<SnapshotSummary>))]
[JsonSerializable(typeof(IReadOnlyList<DayFollowers>))]
[JsonSerializable(typeof(PostsPerDayResponse))]
[JsonSerializable(typeof(DashboardStatus))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
