namespace Monitor.Core.Accounts.Wikidata;

/// <summary>A query the service did not answer usefully (after the pipeline's retries); the import writes nothing.</summary>
public sealed class WikidataQueryException(string message, Exception? inner = null) : Exception(message, inner);
