namespace Monitor.Testing;

/// <summary>Reads recorded-format payloads from the test project's <c>Fixtures/</c> folder (copied to the output).</summary>
public static class Fixtures
{
    public static string Path(string relativePath) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string ReadText(string relativePath) => File.ReadAllText(Path(relativePath));

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path(relativePath));
}
