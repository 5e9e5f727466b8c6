using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary>What the store knows of an <c>--account</c> id.</summary>
internal static class StoredAccounts
{
    public static async Task<bool> ContainsAsync(IServiceProvider services, string accountId, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<IAccountStore>().ListAccountsAsync(cancellationToken)).Any(a => a.Account.Id == accountId);
}
