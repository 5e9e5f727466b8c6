using System.Globalization;
using System.Text;

namespace Monitor.Bench.Farm;

/// <summary>Writes the farm's accounts in Monitor's CSV account-list format.</summary>
internal static class FarmAccountsFile
{
    public static void Write(string path, int count, Uri farm)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("id,platform,handle,country,actor,name,language,enabled");
        for (var i = 0; i < count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"farm-{i:D5},{FarmAccounts.Platform(i)},{FarmAccounts.Handle(i, farm)},FRA,Embassy,Farm account {i},en,true"));
        }
    }
}
