namespace Monitor.Core.Configuration;

/// <summary>
/// A configuration section bound to an options class (<see cref="OptionsRegistration.AddValidatedOptions{TOptions}"/>
/// registers one), or a single key read directly (<see cref="OptionsType"/> null). Together they are the settings
/// Monitor knows, against which <see cref="UnknownSettings"/> checks the <c>Monitor:</c> keys it was given.
/// </summary>
public sealed record SettingsSection(string Path, Type? OptionsType);
