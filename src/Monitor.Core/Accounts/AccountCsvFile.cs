using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Monitor.Core.Accounts;

/// <summary>Reads and writes accounts CSV files as text rows (RFC 4180, header first, <c>#</c> comment lines skipped).</summary>
public static class AccountCsvFile
{
    /// <summary>Reads every row; a header that lacks id, platform, handle, country or actor, or names an unknown column, is an error.</summary>
    /// <exception cref="AccountCsvException">The file is missing or its header is not the accounts format.</exception>
    public static IReadOnlyList<AccountCsvRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new AccountCsvException($"{path}: file does not exist.");
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, ReaderConfiguration());
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new AccountCsvException($"{path}:1: empty file; expected header {string.Join(',', AccountCsvRow.Columns)}.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = AccountCsvRow.Columns.Take(5).Except(header).ToArray();
        var unknown = header.Except(AccountCsvRow.Columns).ToArray();
        if (missing.Length > 0 || unknown.Length > 0)
        {
            throw new AccountCsvException($"{path}:1: header must be {string.Join(',', AccountCsvRow.Columns)} (last five optional)"
                + (missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : string.Empty)
                + (unknown.Length > 0 ? $"; unknown {string.Join(", ", unknown)}" : string.Empty) + ".");
        }

        var rows = new List<AccountCsvRow>();
        while (csv.Read())
        {
            string Field(string name)
            {
                var index = Array.IndexOf(header, name);
                return index >= 0 && csv.TryGetField<string>(index, out var value) ? value?.Trim() ?? string.Empty : string.Empty;
            }

            rows.Add(new AccountCsvRow(Field("id"), Field("platform"), Field("handle"), Field("country"), Field("actor"),
                Field("name"), Field("language"), Field("enabled"), Field("wikidata"), Field("source")));
        }

        return rows;
    }

    /// <summary>Writes the header and rows (UTF-8 without BOM when writing to a file).</summary>
    public static void Write(TextWriter writer, IEnumerable<AccountCsvRow> rows)
    {
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in AccountCsvRow.Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var value in row.Values)
            {
                csv.WriteField(value);
            }

            csv.NextRecord();
        }
    }

    /// <summary>Writes to <paramref name="path"/> through a temporary file, so a failure leaves the old file whole.</summary>
    public static void WriteFile(string path, IEnumerable<AccountCsvRow> rows)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                Write(writer, rows);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static CsvConfiguration ReaderConfiguration() => new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        IgnoreBlankLines = true,
        AllowComments = true,
        Comment = '#',
        BadDataFound = null,
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };
}

/// <summary>An accounts CSV file that cannot be read as one; the message names the file and line.</summary>
public sealed class AccountCsvException(string message) : Exception(message);
