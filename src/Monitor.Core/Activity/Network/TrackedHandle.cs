using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Network;

/// <summary>A tracked account as mentions resolve to it: its handle and, once polled, the platform's stable id of it (<see cref="Adapters.PollCursor.ExternalId"/>).</summary>
public sealed record TrackedHandle(TrackedAccount Account, string? ExternalId);
