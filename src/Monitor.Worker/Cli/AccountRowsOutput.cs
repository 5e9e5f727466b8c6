using Monitor.Core.Accounts;

namespace Monitor.Worker.Cli;

/// <summary>Where <c>accounts import</c> and <c>accounts discover</c> write their CSV: standard output, or a file replaced whole.</summary>
internal static class AccountRowsOutput
{
    /// <summary>Writes the rows; on an I/O failure prints one line naming <c>--output</c> and returns false.</summary>
    public static async Task<bool> TryWriteAsync(CliContext context, FileInfo? output, IEnumerable<AccountCsvRow> rows)
    {
        try
        {
            if (output is null)
            {
                AccountCsvFile.Write(context.Output, rows);
            }
            else
            {
                AccountCsvFile.WriteFile(output.FullName, rows);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"--output: {ex.Message}");
            return false;
        }
    }
}
