namespace Monitor.Core.Posts;

/// <summary>Which language a re-seen post keeps: the platform's over a detected one, the fetched over the stored.</summary>
public static class PostLanguageMerge
{
    /// <summary>
    /// A language the platform gave (now or before) wins over a detected one; otherwise the fetched language, else the
    /// stored one, each with its detected flag. A fetch without a language keeps the stored value.
    /// </summary>
    public static (string? Language, bool Detected) Merge(string? stored, bool storedDetected, string? fetched, bool fetchedDetected)
    {
        if (fetched is not null && !fetchedDetected)
        {
            return (fetched, false);
        }

        if (stored is not null && !storedDetected)
        {
            return (stored, false);
        }

        return fetched is not null ? (fetched, true) : (stored, stored is not null && storedDetected);
    }
}
