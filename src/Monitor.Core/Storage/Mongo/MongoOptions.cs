using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The MongoDB store (<c>Monitor:Storage:Mongo</c>), for deployments where several workers share one database.</summary>
public sealed class MongoOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Storage:Mongo";

    /// <summary>
    /// <c>mongodb://</c> or <c>mongodb+srv://</c> connection string; it may carry credentials, so it is never logged
    /// (only its host list is). Default <c>mongodb://localhost:27017</c>.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "mongodb://localhost:27017";

    /// <summary>Database holding the <c>accounts</c>, <c>posts</c> and <c>snapshots</c> collections. Default <c>monitor</c>; 1 to 63 characters without <c>/\. "$</c>.</summary>
    [Required]
    [RegularExpression(@"^[^/\\. ""$]{1,63}$", ErrorMessage = "must be 1 to 63 characters without /\\. \"$ or spaces.")]
    public string Database { get; set; } = "monitor";

    /// <summary>
    /// How long an operation waits for a usable server before failing, so a poll fails fast when the server is down.
    /// Default 5 s; 100 ms to 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ServerSelectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield break;
        }

        var valid = true;
        try
        {
            _ = MongoUrl.Create(ConnectionString);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The parser's message may quote the string, credentials included, so it is not passed on.
            valid = false;
        }

        if (!valid)
        {
            yield return "ConnectionString: not a valid MongoDB connection string (mongodb://host:port/ or mongodb+srv://host/).";
        }
    }
}
