namespace Monitor.Core.Reference;

/// <summary>A UN member or observer state.</summary>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code, as accounts name their country (<c>GBR</c>).</param>
/// <param name="Numeric">ISO 3166-1 numeric code (<c>826</c>), the id Natural Earth boundaries carry.</param>
/// <param name="Name">English short name (<c>United Kingdom</c>).</param>
/// <param name="Latitude">A representative point (degrees north), for states too small to draw as shapes.</param>
/// <param name="Longitude">Degrees east.</param>
public sealed record UnState(string Alpha3, string Numeric, string Name, double Latitude, double Longitude);
