using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Adapters;

namespace Monitor.Core.Http;

/// <summary>Deserializes a platform's JSON body, turning every way it can be wrong into the adapters' documented parse error.</summary>
public static class JsonPayload
{
    /// <summary>The body as <typeparamref name="T"/>; <paramref name="source"/> names it in errors (e.g. <c>X /2/users/123/tweets</c>).</summary>
    /// <exception cref="PayloadFormatException">The body is empty, <c>null</c> or not valid JSON of that shape.</exception>
    public static T Parse<T>(byte[] body, JsonTypeInfo<T> type, string source)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new PayloadFormatException($"{source} returned an empty JSON body.");
        }
        catch (JsonException ex)
        {
            throw new PayloadFormatException($"{source} returned malformed JSON: {ex.Message}", ex);
        }
    }
}
