namespace Monitor.Core.Adapters;

/// <summary>How the identity a poll saw relates to the one recorded for the account.</summary>
public enum IdentityVerdict
{
    /// <summary>No stable id was recorded yet: this one is recorded now.</summary>
    FirstContact,

    /// <summary>The recorded stable id, under the listed handle (or the account is listed by its stable id).</summary>
    Same,

    /// <summary>The recorded stable id under another handle: the account was renamed, and is followed.</summary>
    Renamed,

    /// <summary>The listed handle resolves to another stable id: reused or hijacked, polling stops until confirmed.</summary>
    Changed,
}
