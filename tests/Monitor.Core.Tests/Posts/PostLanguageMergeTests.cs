using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Posts;

public sealed class PostLanguageMergeTests
{
    public static TheoryData<string?, bool, string?, bool, string?, bool> Cases => new()
    {
        // stored, stored detected, fetched, fetched detected → kept, kept detected
        { null, false, null, false, null, false },
        { "en", false, null, false, "en", false },
        { "fr", true, null, false, "fr", true },
        { null, false, "de", false, "de", false },
        { "en", false, "en-GB", false, "en-GB", false },
        { "fr", true, "en", false, "en", false },   // the platform's language replaces a detected one
        { "en", false, "fr", true, "en", false },   // a detected language never replaces the platform's
        { "fr", true, "es", true, "es", true },     // a newer detection replaces an older one
        { null, false, "es", true, "es", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merge_StoredAndFetched_KeepsThePlatformsOverADetectedLanguage(
        string? stored, bool storedDetected, string? fetched, bool fetchedDetected, string? expected, bool expectedDetected)
    {
        Assert.Equal((expected, expectedDetected), PostLanguageMerge.Merge(stored, storedDetected, fetched, fetchedDetected));
    }
}
